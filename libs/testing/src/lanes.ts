import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@paritrana/infra/embedded-postgres';
import { provisionTopics, startBroker } from '@paritrana/infra/kafka-broker';
import { freePort } from '@paritrana/infra/ports';
import { createDatabase, dropDatabase, machinePostgresAvailable, MACHINE_POSTGRES } from '@paritrana/infra/postgres';
import { dockerEngineAnswers, startContainers } from './containers';
import { TEST_PARTITIONS, type TestInfra, type TestLane } from './test-infra';

/** A lane: the given KAFKA_BROKERS and DATABASE_URL, or containers, or a broker from the jars and a fresh database. */
export async function startLane(infra: TestInfra, scratch: string, given = process.env): Promise<TestLane> {
  let brokers = given.KAFKA_BROKERS;
  let databaseUrl = given.DATABASE_URL;
  if (!brokers && !databaseUrl && dockerEngineAnswers()) {
    const containers = await startContainers();
    infra.stops.push(containers.stop);
    brokers = containers.brokers;
    databaseUrl = containers.databaseUrl;
  }
  if (!brokers) {
    const broker = await startBroker({
      port: await freePort(),
      controllerPort: await freePort(),
      dataDir: join(scratch, 'kafka'),
      stdio: 'ignore',
    });
    infra.stops.push(broker.stop);
    brokers = broker.brokers.join(',');
  }
  await provisionTopics(brokers.split(','), TEST_PARTITIONS);

  if (!databaseUrl) {
    let adminUrl = MACHINE_POSTGRES;
    if (!(await machinePostgresAvailable())) {
      const pg = await startEmbeddedPostgres(join(scratch, 'postgres'), await freePort());
      infra.stops.push(pg.stop);
      adminUrl = pg.url;
    }
    const name = `paritrana_test_${process.pid}_${Date.now()}_${infra.databases.length + 1}`;
    infra.databases.push({ adminUrl, name });
    databaseUrl = await createDatabase(adminUrl, name);
  }
  return { brokers, databaseUrl };
}

/**
 * A lane of its own for one suite — its own broker and database, whatever the worker's lane — for
 * suites that load shared demo data (edition 2024) another suite of the same worker also loads.
 */
export async function startPrivateLane(): Promise<TestLane & { stop(): Promise<void> }> {
  const scratch = mkdtempSync(join(tmpdir(), 'paritrana-lane-'));
  const infra: TestInfra = { stops: [async () => rmSync(scratch, { recursive: true, force: true })], databases: [] };
  const lane = await startLane(infra, scratch, {});
  return {
    ...lane,
    stop: async () => {
      for (const { adminUrl, name } of infra.databases) await dropDatabase(adminUrl, name).catch(() => undefined);
      for (const stop of infra.stops.reverse()) await stop();
    },
  };
}
