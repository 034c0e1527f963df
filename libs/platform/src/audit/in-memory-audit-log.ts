import type { Principal } from '@paritrana/contracts';
import type { Tx } from '../database/transactions';
import { AuditLog, type AuditEntry } from './audit-log';

/** The audit trail for unit tests: entries kept in order, with their actor. */
export class InMemoryAuditLog extends AuditLog {
  readonly entries: (AuditEntry & { actor: string })[] = [];

  constructor() {
    super('memory');
  }

  override async record(_tx: Tx, actor: Principal, entries: AuditEntry[]): Promise<void> {
    this.entries.push(...entries.map((e) => ({ ...e, actor: actor.sub })));
  }
}
