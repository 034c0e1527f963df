import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nominations changed on each open board since its last announcement, noted by the consumers with the change and
 * taken by the announcer, which then looks at those alone (not the whole board) to find what to announce. A board with
 * notes is a changed board: the consumers no longer mark the board's own row, which every transaction touching the
 * board had to lock (two batches of different partitions waited on each other's boards, and deadlocked).
 */
export class BoardChanges1764700000000 implements MigrationInterface {
  name = 'BoardChanges1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE ranking.board_changes (board_id text NOT NULL, nomination_id uuid NOT NULL, noted_at timestamptz NOT NULL DEFAULT now())',
    );
    await runner.query('CREATE INDEX board_changes_board ON ranking.board_changes (board_id)');
    // A board marked changed keeps owing its announcement: each of its entries is noted.
    await runner.query(
      `INSERT INTO ranking.board_changes (board_id, nomination_id, noted_at)
       SELECT e.board_id, e.nomination_id, b.changed_since FROM ranking.entries e JOIN ranking.boards b USING (board_id)
       WHERE b.changed_since IS NOT NULL AND b.status = 'open'`,
    );
    await runner.query('ALTER TABLE ranking.boards DROP COLUMN changed_since, DROP COLUMN changes');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ranking.boards ADD COLUMN changed_since timestamptz, ADD COLUMN changes bigint NOT NULL DEFAULT 0');
    await runner.query('CREATE INDEX boards_changed ON ranking.boards (changed_since) WHERE changed_since IS NOT NULL');
    await runner.query(
      'UPDATE ranking.boards b SET changed_since = c.since FROM (SELECT board_id, min(noted_at) AS since FROM ranking.board_changes GROUP BY board_id) c WHERE b.board_id = c.board_id',
    );
    await runner.query('DROP TABLE ranking.board_changes');
  }
}
