import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An assessor's own history ("Riwayat saya") reads the assessments by assessor. */
export class AssessmentsByAssessor1765000000000 implements MigrationInterface {
  name = 'AssessmentsByAssessor1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX assessments_by_assessor ON scoring.assessments (assessor, submitted_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX scoring.assessments_by_assessor');
  }
}
