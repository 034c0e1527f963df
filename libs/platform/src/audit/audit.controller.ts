import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { DomainError, type FieldError } from '../errors/domain-error';
import { ApiProblems } from '../http/problem.response';
import { isUuid } from '../http/validation';
import { AUDIT_ACTIONS, AuditLog } from './audit-log';
import { AuditEntriesResponse } from './audit.response';

const ACTION = /^[a-z]+(\.[a-z]+)+$/;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles('secretariat', 'admin')
  @ApiOperation({
    operationId: 'listAuditEntries',
    summary: "This service's audit trail: who did what to which nomination or board, and when (newest first)",
  })
  @ApiQuery({ name: 'nominationId', required: false, format: 'uuid' })
  @ApiQuery({ name: 'actor', required: false, example: 'kanwil-sumbagsel' })
  @ApiQuery({ name: 'action', required: false, enum: AUDIT_ACTIONS, example: 'nomination.submitted' })
  @ApiQuery({ name: 'limit', required: false, type: 'integer', minimum: 1, maximum: 1000, example: 100 })
  @ApiOkResponse({ type: AuditEntriesResponse })
  @ApiProblems({ 422: 'Invalid filters (AUDIT_QUERY_INVALID)' })
  async list(
    @Query('nominationId') nominationId?: string,
    @Query('actor') actor?: string,
    @Query('action') action?: string,
    @Query('limit') limit = '100',
  ): Promise<AuditEntriesResponse> {
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
