import { createDatabase, dropDatabase } from '@paritrana/infra/postgres';
import { dataSourceOptions, initializeServiceDatabase } from '@paritrana/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { INTAKE_MIGRATIONS } from '../../apps/nomination-intake/src/migrations';
import { NOTIFICATION_MIGRATIONS } from '../../apps/notification/src/migrations';
import { RANKING_MIGRATIONS } from '../../apps/ranking/src/migrations';
import { SCORING_MIGRATIONS } from '../../apps/scoring/src/migrations';

const SERVICES = [
  { schema: 'intake', migrations: INTAKE_MIGRATIONS },
  { schema: 'scoring', migrations: SCORING_MIGRATIONS },
  { schema: 'ranking', migrations: RANKING_MIGRATIONS },
  { schema: 'notification', migrations: NOTIFICATION_MIGRATIONS },
];
const REPLICAS = 3;
/** Without the lock, four processes on a fresh database failed about one boot in five. */
const ROUNDS = 5;

/** Every service's replicas booting at the same moment against a fresh database (real PostgreSQL). */
describe('migrations under the database’s migration lock', () => {
  const lane = new URL(process.env.DATABASE_URL!);
  const adminUrl = Object.assign(new URL(lane), { pathname: '/postgres' }).toString();

  it(`should migrate each schema exactly once when ${SERVICES.length} services boot ${REPLICAS} replicas each at once, round after round`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const name = `paritrana_migrations_${process.pid}_${Date.now()}_${round}`;
      const url = await createDatabase(adminUrl, name);
      const replicas = SERVICES.flatMap((service) =>
        Array.from({ length: REPLICAS }, () => ({
          ...service,
          dataSource: new DataSource(dataSourceOptions({ url, schema: service.schema, migrations: service.migrations, poolSize: 2 })),
        })),
      );
      try {
        const booted = await Promise.allSettled(replicas.map((r) => initializeServiceDatabase(r.dataSource, r.schema)));

        expect({ round, refused: booted.filter((b) => b.status === 'rejected').map((b) => String(b.reason)) }).toEqual({
          round,
          refused: [],
        });
        const client = new Client({ connectionString: url });
        await client.connect();
        for (const { schema, migrations } of SERVICES) {
          const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${schema}"."${schema}_migrations" ORDER BY id`);
          expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
        }
        await client.end();
      } finally {
        await Promise.all(replicas.map((r) => (r.dataSource.isInitialized ? r.dataSource.destroy() : undefined)));
        await dropDatabase(adminUrl, name);
      }
    }
  });
});
