import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@paritrana/infra/embedded-postgres';
import { provisionTopics, startBroker } from '@paritrana/infra/kafka-broker';
import { freePort } from '@paritrana/infra/ports';
import { createDatabase, machinePostgresAvailable, MACHINE_POSTGRES } from '@paritrana/infra/postgres';
import { dockerEngineAnswers, startContainers } from './containers';
import { TEST_PARTITIONS, type TestInfra } from './test-infra';

/**
 * Real infrastructure for the integration and end-to-end suites: the given KAFKA_BROKERS and
 * DATABASE_URL; else, where a Docker engine answers, Kafka and PostgreSQL containers; else a Kafka
 * broker started from its jars and a fresh database on the machine's PostgreSQL (embedded
 * PostgreSQL when there is none).
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), 'paritrana-test-'));
  // Stopped in reverse order: the scratch folder goes last, after the broker and database using it.
  const infra: TestInfra = { stops: [async () => rmSync(scratch, { recursive: true, force: true })] };

  if (!process.env.KAFKA_BROKERS && !process.env.DATABASE_URL && dockerEngineAnswers()) {
    const containers = await startContainers();
    process.env.KAFKA_BROKERS = containers.brokers;
    process.env.DATABASE_URL = containers.databaseUrl;
    infra.stops.push(containers.stop);
  }
  if (!process.env.KAFKA_BROKERS) {
    const broker = await startBroker({
      port: await freePort(),
      controllerPort: await freePort(),
      dataDir: join(scratch, 'kafka'),
      stdio: 'ignore',
    });
    process.env.KAFKA_BROKERS = broker.brokers.join(',');
    infra.stops.push(broker.stop);
  }
  await provisionTopics(process.env.KAFKA_BROKERS.split(','), TEST_PARTITIONS);

  if (!process.env.DATABASE_URL) {
    let adminUrl = MACHINE_POSTGRES;
    if (!(await machinePostgresAvailable())) {
      const pg = await startEmbeddedPostgres(join(scratch, 'postgres'), await freePort());
      infra.stops.push(pg.stop);
      adminUrl = pg.url;
    }
    const name = `paritrana_test_${process.pid}_${Date.now()}`;
    process.env.DATABASE_URL = await createDatabase(adminUrl, name);
    infra.dropDatabase = { adminUrl, name };
  }
  process.env.NODE_ENV = 'test';
  // The suites drive each service far harder than one client may; the rate-limit spec sets its own limit.
  process.env.RATE_LIMIT_PER_MINUTE ??= '1000000';
  (globalThis as { __paritranaInfra?: TestInfra }).__paritranaInfra = infra;
  console.log(
    `\nTest infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s: Kafka ${process.env.KAFKA_BROKERS}, Postgres ${redact(process.env.DATABASE_URL)}`,
  );
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
