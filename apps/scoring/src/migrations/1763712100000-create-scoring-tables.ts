import { createMessagingTables, dropMessagingTables } from '@paritrana/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScoringTables1763712100000 implements MigrationInterface {
  name = 'CreateScoringTables1763712100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE scoring.editions (
      code text PRIMARY KEY,
      definition jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE scoring.scores (
      nomination_id uuid PRIMARY KEY,
      edition text NOT NULL,
      tier text NOT NULL,
      province char(2) NOT NULL,
      category text NOT NULL,
      indicators jsonb NOT NULL,
      status text NOT NULL,
      total numeric(5, 2) NOT NULL,
      rubric_version integer NOT NULL,
      criteria jsonb NOT NULL,
      reasons jsonb NOT NULL,
      calculated_at timestamptz NOT NULL
    )`);
    await createMessagingTables(runner, 'scoring');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropMessagingTables(runner, 'scoring');
    await runner.query('DROP TABLE scoring.scores');
    await runner.query('DROP TABLE scoring.editions');
  }
}
