import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@paritrana/contracts';
import type { EntityManager, QueryRunner } from 'typeorm';

export const AUDIT_SCHEMA = Symbol('AUDIT_SCHEMA');

/** Every action any service records in its audit trail. */
export type AuditAction =
  'edition.defined' | 'nomination.submitted' | 'nomination.amended' | 'nomination.withdrawn' | 'assessment.recorded' | 'board.published';

export interface AuditEntry {
  action: AuditAction;
  nominationId?: string;
  province?: string;
  details?: Record<string, unknown>;
}

/** Who did what, to which nomination, when: written in the same transaction as the change it records. */
@Injectable()
export class AuditLog {
  constructor(@Inject(AUDIT_SCHEMA) private readonly schema: string) {}

  async record(manager: EntityManager, actor: Principal, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      params.push(actor.sub, actor.role, e.action, e.nominationId ?? null, e.province ?? null, JSON.stringify(e.details ?? {}));
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO ${this.schema}.audit_log (actor, actor_role, action, nomination_id, province, details) VALUES ${rows.join(', ')}`,
      params,
    );
  }
}

/** The audit table every service with an audit trail creates in its own schema (used by its migrations). */
export async function createAuditTable(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE TABLE ${schema}.audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    actor_role text NOT NULL,
    action text NOT NULL,
    nomination_id uuid,
    province char(2),
    details jsonb NOT NULL DEFAULT '{}'
  )`);
  await runner.query(`CREATE INDEX audit_by_nomination ON ${schema}.audit_log (nomination_id, id)`);
}
