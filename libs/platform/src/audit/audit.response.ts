import { ApiProperty } from '@nestjs/swagger';
import type { Assert, Mirrors } from '@paritrana/contracts';
import { AUDIT_ACTIONS, type AuditAction, type AuditRecord } from './audit-log';

export class AuditEntryResponse {
  @ApiProperty({ example: '42', description: 'Increasing with time' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: Date;

  @ApiProperty({ example: 'kanwil-sumbagsel', description: 'The token’s subject' })
  actor!: string;

  @ApiProperty({ example: 'regional-office' })
  actorRole!: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, example: 'nomination.submitted' })
  action!: AuditAction;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  nominationId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '15' })
  province!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { fields: ['indicators'], version: 2 },
    description: 'What the action changed; its fields depend on the action',
  })
  details!: Record<string, unknown>;
}

export class AuditEntriesResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'Newest first' })
  entries!: AuditEntryResponse[];
}

/** Fails to compile when the audit trail's rows drift from the documented response. */
export type AuditResponseMirrorsTheLog = Assert<Mirrors<AuditEntryResponse, AuditRecord>>;
