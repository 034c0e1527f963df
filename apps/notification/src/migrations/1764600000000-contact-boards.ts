import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The board each contact's nomination competes on, so a preview shows only the contacts of that board's winners. */
export class ContactBoards1764600000000 implements MigrationInterface {
  name = 'ContactBoards1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notification.contacts ADD COLUMN edition text, ADD COLUMN tier text, ADD COLUMN category text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notification.contacts DROP COLUMN edition, DROP COLUMN tier, DROP COLUMN category');
  }
}
