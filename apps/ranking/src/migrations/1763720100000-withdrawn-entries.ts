import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WithdrawnEntries1763720100000 implements MigrationInterface {
  name = 'WithdrawnEntries1763720100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ranking.entries ADD COLUMN withdrawn_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ranking.entries DROP COLUMN withdrawn_at');
  }
}
