import { Injectable } from '@nestjs/common';
import type { Principal } from '@paritrana/contracts';
import type { EntityManager } from 'typeorm';

export type AuditAction = 'edition.defined' | 'nomination.submitted' | 'nomination.amended' | 'nomination.withdrawn';

export interface AuditEntry {
  action: AuditAction;
  nominationId?: string;
  province?: string;
  details?: Record<string, unknown>;
}

/** Who did what to which nomination, written in the same transaction as the change. */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, actor: Principal, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      params.push(actor.sub, actor.role, e.action, e.nominationId ?? null, e.province ?? null, JSON.stringify(e.details ?? {}));
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO intake.audit_log (actor, actor_role, action, nomination_id, province, details) VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
