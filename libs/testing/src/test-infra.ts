export const TEST_PARTITIONS = 3;

/** Where the global setup leaves the lanes (a broker and a database each) for the test workers. */
export const TEST_LANES_ENV = 'PARITRANA_TEST_LANES';

export interface TestLane {
  brokers: string;
  databaseUrl: string;
}

export interface TestInfra {
  stops: Array<() => Promise<void>>;
  databases: Array<{ adminUrl: string; name: string }>;
}

/** Points this test worker at its own lane: KAFKA_BROKERS and DATABASE_URL for the services it starts. */
export function useWorkerLane(): void {
  const lanes = JSON.parse(process.env[TEST_LANES_ENV] ?? '[]') as TestLane[];
  if (lanes.length === 0) throw new Error(`${TEST_LANES_ENV} is missing: the integration suites run through jest's global setup`);
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const lane = lanes[(worker - 1) % lanes.length];
  process.env.KAFKA_BROKERS = lane.brokers;
  process.env.DATABASE_URL = lane.databaseUrl;
}
