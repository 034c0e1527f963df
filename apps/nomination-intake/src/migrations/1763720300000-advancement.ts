import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Advancement1763720300000 implements MigrationInterface {
  name = 'Advancement1763720300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE intake.nominations ADD COLUMN advanced_from jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE intake.nominations DROP COLUMN advanced_from');
  }
}
