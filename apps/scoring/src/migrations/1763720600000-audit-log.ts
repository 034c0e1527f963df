import { createAuditTable } from '@paritrana/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScoringAuditLog1763720600000 implements MigrationInterface {
  name = 'ScoringAuditLog1763720600000';

  async up(runner: QueryRunner): Promise<void> {
    await createAuditTable(runner, 'scoring');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE scoring.audit_log');
  }
}
