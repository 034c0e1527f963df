import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { DomainError, type FieldError } from '../errors/domain-error';
import { isUuid } from '../http/validation';
import { AuditLog } from './audit-log';

const ACTION = /^[a-z]+(\.[a-z]+)+$/;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

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
    const entries = await this.audit.list({ nominationId, actor, action, limit: max });
    return { entries };
  }
}
