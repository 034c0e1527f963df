import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nomination version each row holds (0: only its withdrawal has arrived), so a stale event never overwrites a newer one. */
export class NominationVersions1763720500000 implements MigrationInterface {
  name = 'NominationVersions1763720500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE scoring.scores ADD COLUMN version integer NOT NULL DEFAULT 1');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE scoring.scores DROP COLUMN version');
  }
}
