import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each board was last announced and how many standings it had (a large board is announced less
 * often), and a count of its changes, so the announcer needs no lock while it builds a board.
 */
export class AnnouncementTimes1763720700000 implements MigrationInterface {
  name = 'AnnouncementTimes1763720700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE ranking.boards ADD COLUMN changes bigint NOT NULL DEFAULT 0, ADD COLUMN announced_at timestamptz, ADD COLUMN announced_size integer NOT NULL DEFAULT 0',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ranking.boards DROP COLUMN announced_size, DROP COLUMN announced_at, DROP COLUMN changes');
  }
}
