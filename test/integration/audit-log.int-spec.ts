import { AuditLog, createAuditTable } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

const SCHEMA = `audit_test_${randomUUID().slice(0, 8)}`;

/** The audit trail every service keeps, on a real PostgreSQL. */
describe('audit log (real PostgreSQL)', () => {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  let audit: AuditLog;

  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${SCHEMA}`);
    const runner = dataSource.createQueryRunner();
    await createAuditTable(runner, SCHEMA);
    await runner.release();
    audit = new AuditLog(SCHEMA, dataSource);
  });

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await dataSource.destroy();
  });

  it('should list the newest entry first when the trail has passed 9, 99 or any other power of ten', async () => {
    const actor = { sub: 'sekretariat', name: 'Sekretariat', role: 'secretariat' as const };
    for (let n = 1; n <= 12; n++) await audit.record(dataSource.manager, actor, [{ action: 'edition.defined', details: { n } }]);

    const entries = await audit.list({ limit: 20 });

    expect(entries.map((e) => e.details.n)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });
});
