import { spawnSync } from 'node:child_process';

export interface ContainerInfra {
  brokers: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** True when a Docker engine answers (the client alone is not enough). */
export function dockerEngineAnswers(): boolean {
  const probe = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5_000, stdio: 'pipe' });
  return probe.status === 0 && probe.stdout.toString().trim().length > 0;
}

/**
 * Kafka and PostgreSQL as containers, for machines with Docker. Machines without an engine start
 * the broker from its jars instead (see global-setup.ts).
 */
export async function startContainers(): Promise<ContainerInfra> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:8.0.0').withKraft().start(),
    new PostgreSqlContainer('postgres:17').start(),
  ]);
  return {
    brokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    databaseUrl: postgres.getConnectionUri(),
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}
