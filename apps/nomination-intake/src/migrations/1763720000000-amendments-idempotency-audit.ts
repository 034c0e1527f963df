import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AmendmentsIdempotencyAudit1763720000000 implements MigrationInterface {
  name = 'AmendmentsIdempotencyAudit1763720000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.nominations
      ADD COLUMN documents jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN version integer NOT NULL DEFAULT 1,
      ADD COLUMN withdrawn_at timestamptz`);
    await runner.query(`CREATE TABLE intake.idempotency_keys (
      principal text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status integer NOT NULL,
      body jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (principal, key)
    )`);
    await runner.query(`CREATE TABLE intake.audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      actor_role text NOT NULL,
      action text NOT NULL,
      nomination_id uuid,
      province char(2),
      details jsonb NOT NULL DEFAULT '{}'
    )`);
    await runner.query('CREATE INDEX audit_by_nomination ON intake.audit_log (nomination_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake.audit_log');
    await runner.query('DROP TABLE intake.idempotency_keys');
    await runner.query('ALTER TABLE intake.nominations DROP COLUMN withdrawn_at, DROP COLUMN version, DROP COLUMN documents');
  }
}
