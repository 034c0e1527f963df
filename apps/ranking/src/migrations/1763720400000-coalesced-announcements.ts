import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoalescedAnnouncements1763720400000 implements MigrationInterface {
  name = 'CoalescedAnnouncements1763720400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ranking.boards ADD COLUMN changed_since timestamptz');
    await runner.query('CREATE INDEX boards_changed ON ranking.boards (changed_since) WHERE changed_since IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ranking.boards_changed');
    await runner.query('ALTER TABLE ranking.boards DROP COLUMN changed_since');
  }
}
