import { SmtpSink } from '@paritrana/testing/smtp-sink';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@paritrana/infra/embedded-postgres';
import { provisionTopics, startBroker } from '@paritrana/infra/kafka-broker';
import { freePort } from '@paritrana/infra/ports';
import { createDatabase } from '@paritrana/infra/postgres';
import { repoRoot } from '@paritrana/infra/repo-root';

export interface BenchInfra {
  brokers: string[];
  brokerPid: number | undefined;
  postgresPid: number | undefined;
  databaseUrl: string;
  smtpUrl: string;
  stop(): Promise<void>;
}

export const PARTITIONS = 6;
/**
 * The longest the bench's consumers (the probe's and the raw baselines') wait on the broker for a message: it answers
 * at once when one comes, so this sets only how often an idle consumer asks again. At 20 ms, the probe's asking cost
 * the broker and the bench about a tenth of a core that the platform then lacked.
 */
export const BENCH_FETCH_WAIT_MS = 500;

/**
 * A real Kafka broker and an embedded PostgreSQL of the bench's own, on free ports with their data
 * under .data/bench/<run> (removed at the end), and an SMTP server for notification.
 */
export async function startInfra(run: string, log: (line: string) => void): Promise<BenchInfra> {
  const dataDir = join(repoRoot(), '.data', 'bench', run);
  mkdirSync(dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((error: Error) => log(`stopping: ${error.message}`));
  };
  try {
    const broker = await startBroker({
      port: await freePort(),
      controllerPort: await freePort(),
      dataDir: join(dataDir, 'kafka'),
      stdio: 'ignore',
    });
    stops.push(broker.stop);
    await provisionTopics(broker.brokers, PARTITIONS);
    log(`Kafka ready at ${broker.brokers.join(',')}`);
    const postgres = await startEmbeddedPostgres(join(dataDir, 'postgres'), await freePort());
    stops.push(postgres.stop);
    const databaseUrl = await createDatabase(postgres.url, 'paritrana');
    log(`PostgreSQL ready at ${new URL(databaseUrl).host}`);
    const smtp = await new SmtpSink().start();
    stops.push(() => smtp.stop());
    return { brokers: broker.brokers, brokerPid: broker.process.pid, postgresPid: postgres.pid, databaseUrl, smtpUrl: smtp.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
