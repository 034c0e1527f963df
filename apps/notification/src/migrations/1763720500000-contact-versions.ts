import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nomination version each contact comes from, so a stale event never overwrites a newer contact. */
export class ContactVersions1763720500000 implements MigrationInterface {
  name = 'ContactVersions1763720500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notification.contacts ADD COLUMN version integer NOT NULL DEFAULT 1');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notification.contacts DROP COLUMN version');
  }
}
