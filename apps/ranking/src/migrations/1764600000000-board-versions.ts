import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compact announcements: each board's version (one more per `ranking.changed`), the version and time of its last
 * whole-board `ranking.updated`, and what each nomination was last announced as, to tell what changed since.
 */
export class BoardVersions1764600000000 implements MigrationInterface {
  name = 'BoardVersions1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE ranking.boards ADD COLUMN version bigint NOT NULL DEFAULT 0, ADD COLUMN whole_version bigint NOT NULL DEFAULT 0, ADD COLUMN whole_at timestamptz',
    );
    await runner.query(
      `CREATE TABLE ranking.announced_entries (
         board_id text NOT NULL REFERENCES ranking.boards (board_id),
         nomination_id uuid NOT NULL,
         fingerprint text NOT NULL,
         PRIMARY KEY (board_id, nomination_id)
       )`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ranking.announced_entries');
    await runner.query('ALTER TABLE ranking.boards DROP COLUMN whole_at, DROP COLUMN whole_version, DROP COLUMN version');
  }
}
