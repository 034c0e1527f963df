import { Controller, Get, Inject, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { DomainError, type FieldError } from '../errors/domain-error';
import { isUuid } from '../http/validation';
import { AUDIT_SCHEMA } from './audit-log';

const ACTION = /^[a-z]+(\.[a-z]+)+$/;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_SCHEMA) private readonly schema: string,
  ) {}

  @Get()
  @Roles('secretariat', 'admin')
  @ApiOperation({ summary: "This service's audit trail: who did what to which nomination or board, and when (newest first)" })
  @ApiQuery({ name: 'nominationId', required: false })
  @ApiQuery({ name: 'actor', required: false, example: 'kanwil-sumbagsel' })
  @ApiQuery({ name: 'action', required: false, example: 'nomination.submitted' })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  async list(
    @Query('nominationId') nominationId?: string,
    @Query('actor') actor?: string,
    @Query('action') action?: string,
    @Query('limit') limit = '100',
  ) {
    const errors: FieldError[] = [];
    if (nominationId !== undefined && !isUuid(nominationId)) errors.push({ path: 'nominationId', message: 'must be a UUID' });
    if (action !== undefined && !ACTION.test(action)) errors.push({ path: 'action', message: 'must look like nomination.submitted' });
    const max = Number(limit);
    if (!Number.isInteger(max) || max < 1 || max > 1000) errors.push({ path: 'limit', message: 'must be an integer from 1 to 1000' });
    if (errors.length > 0) throw DomainError.invalid('AUDIT_QUERY_INVALID', 'Invalid query', errors);
    const entries = await this.dataSource.query(
      `SELECT id::text AS id, at, actor, actor_role AS "actorRole", action, nomination_id AS "nominationId", province, details
       FROM ${this.schema}.audit_log
       WHERE ($1::uuid IS NULL OR nomination_id = $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR action = $3)
       ORDER BY id DESC LIMIT $4`,
      [nominationId ?? null, actor ?? null, action ?? null, max],
    );
    return { entries };
  }
}
