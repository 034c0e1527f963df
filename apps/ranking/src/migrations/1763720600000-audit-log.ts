import { createAuditTable } from '@paritrana/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingAuditLog1763720600000 implements MigrationInterface {
  name = 'RankingAuditLog1763720600000';

  async up(runner: QueryRunner): Promise<void> {
    await createAuditTable(runner, 'ranking');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ranking.audit_log');
  }
}
