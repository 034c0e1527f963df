import { createMessagingTables, dropMessagingTables } from '@paritrana/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIntakeTables1763712000000 implements MigrationInterface {
  name = 'CreateIntakeTables1763712000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE intake.editions (
      code text PRIMARY KEY,
      definition jsonb NOT NULL,
      defined_by text NOT NULL,
      defined_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE intake.nominations (
      id uuid PRIMARY KEY,
      edition text NOT NULL REFERENCES intake.editions(code),
      tier text NOT NULL,
      province char(2) NOT NULL,
      category text NOT NULL,
      nominee_key text NOT NULL,
      nominee jsonb NOT NULL,
      contact jsonb NOT NULL,
      indicators jsonb NOT NULL,
      status text NOT NULL,
      submitted_by text NOT NULL,
      submitted_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT nominations_one_per_nominee UNIQUE (edition, tier, category, nominee_key)
    )`);
    await runner.query('CREATE INDEX nominations_listing ON intake.nominations (edition, tier, province, category, status)');
    await createMessagingTables(runner, 'intake');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'intake');
    await runner.query('DROP TABLE intake.nominations');
    await runner.query('DROP TABLE intake.editions');
  }
}
