import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the entry's score was calculated, so an older score arriving late never replaces a newer one. */
export class ScoreTimes1763720500000 implements MigrationInterface {
  name = 'ScoreTimes1763720500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ranking.entries ADD COLUMN calculated_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ranking.entries DROP COLUMN calculated_at');
  }
}
