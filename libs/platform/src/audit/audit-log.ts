import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@paritrana/contracts';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

export const AUDIT_SCHEMA = Symbol('AUDIT_SCHEMA');

/** Every action any service records in its audit trail. */
export const AUDIT_ACTIONS = [
  'edition.defined',
  'nomination.submitted',
  'nomination.amended',
  'nomination.withdrawn',
  'assessment.recorded',
  'board.published',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  nominationId?: string;
  province?: string;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  nominationId?: string;
  actor?: string;
  action?: string;
  limit: number;
}

export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  actorRole: string;
  action: AuditAction;
  nominationId: string | null;
  province: string | null;
  details: Record<string, unknown>;
}

/** Who did what, to which nomination, when: written in the same transaction as the change it records. */
@Injectable()
export class AuditLog {
  constructor(
    @Inject(AUDIT_SCHEMA) private readonly schema: string,
    @InjectDataSource() private readonly dataSource?: DataSource,
  ) {}

  /** The newest entries first. */
  async list(filter: AuditFilter): Promise<AuditRecord[]> {
    if (!this.dataSource) throw new Error('AuditLog.list needs a data source');
    return this.dataSource.query(
      `SELECT id::text AS id, at, actor, actor_role AS "actorRole", action, nomination_id AS "nominationId", province, details
       FROM ${this.schema}.audit_log
       WHERE ($1::uuid IS NULL OR nomination_id = $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR action = $3)
       ORDER BY audit_log.id DESC LIMIT $4`,
      [filter.nominationId ?? null, filter.actor ?? null, filter.action ?? null, filter.limit],
    );
  }

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
