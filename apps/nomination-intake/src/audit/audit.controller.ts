import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, isUuid, Roles } from '@paritrana/platform';
import { DataSource } from 'typeorm';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('secretariat', 'admin')
  @ApiOperation({ summary: 'The audit trail: who did what to which nomination, and when (newest first)' })
  @ApiQuery({ name: 'nominationId', required: false })
  @ApiQuery({ name: 'actor', required: false, example: 'kanwil-sumbagsel' })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  async list(@Query('nominationId') nominationId?: string, @Query('actor') actor?: string, @Query('limit') limit = '100') {
    if (nominationId !== undefined && !isUuid(nominationId)) {
      throw DomainError.invalid('AUDIT_QUERY_INVALID', 'Invalid query', [{ path: 'nominationId', message: 'must be a UUID' }]);
    }
    const max = Number(limit);
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      throw DomainError.invalid('AUDIT_QUERY_INVALID', 'Invalid query', [{ path: 'limit', message: 'must be an integer from 1 to 1000' }]);
    }
    const entries = await this.dataSource.query(
      `SELECT audit_log.id::text AS id, at, actor, actor_role AS "actorRole", action, nomination_id AS "nominationId", province, details
       FROM intake.audit_log WHERE ($1::uuid IS NULL OR nomination_id = $1) AND ($2::text IS NULL OR actor = $2)
       ORDER BY audit_log.id DESC LIMIT $3`,
      [nominationId ?? null, actor ?? null, max],
    );
    return { entries };
  }
}
