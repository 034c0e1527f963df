import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessments1763720200000 implements MigrationInterface {
  name = 'Assessments1763720200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE scoring.scores ADD COLUMN nominee jsonb, ADD COLUMN withdrawn_at timestamptz');
    await runner.query('CREATE INDEX scores_by_group ON scoring.scores (edition, tier, category)');
    await runner.query(`CREATE TABLE scoring.assessments (
      id uuid PRIMARY KEY,
      nomination_id uuid NOT NULL,
      assessor text NOT NULL,
      assessor_name text NOT NULL,
      round text NOT NULL,
      scores jsonb NOT NULL,
      conflict_of_interest boolean NOT NULL,
      comment text,
      submitted_at timestamptz NOT NULL,
      superseded_at timestamptz,
      superseded_by uuid
    )`);
    await runner.query(
      'CREATE UNIQUE INDEX assessments_one_current ON scoring.assessments (nomination_id, assessor, round) WHERE superseded_at IS NULL',
    );
    await runner.query('CREATE INDEX assessments_by_nomination ON scoring.assessments (nomination_id, submitted_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE scoring.assessments');
    await runner.query('DROP INDEX scoring.scores_by_group');
    await runner.query('ALTER TABLE scoring.scores DROP COLUMN withdrawn_at, DROP COLUMN nominee');
  }
}
