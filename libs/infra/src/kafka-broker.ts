import { ensureTopics, SINGLE_BROKER_TOPICS } from '@paritrana/messaging';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './repo-root';
import { Kafka, logLevel } from 'kafkajs';
import { sleep } from './ports';

const KAFKA_SCRIPT = join(repoRoot(), 'deploy', 'kafka', 'kafka.sh');

export interface BrokerOptions {
  port: number;
  controllerPort: number;
  dataDir: string;
  /** Where the broker's output goes; inherits the parent's by default. */
  stdio?: 'inherit' | 'ignore' | 'pipe';
}

export interface RunningBroker {
  brokers: string[];
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Fetches the Kafka jars with Maven once; later calls find them in the cache. */
export function fetchKafka(): void {
  const result = spawnSync('bash', [KAFKA_SCRIPT, 'fetch'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Fetching Kafka failed (exit ${result.status}); see the output above`);
}

/** Starts a real single-node KRaft broker from the jars and waits until it answers metadata requests. */
export async function startBroker(options: BrokerOptions, timeoutMs = 120_000): Promise<RunningBroker> {
  fetchKafka();
  const child = spawn('bash', [KAFKA_SCRIPT, 'run'], {
    stdio: options.stdio ?? 'inherit',
    env: {
      ...process.env,
      KAFKA_PORT: String(options.port),
      KAFKA_CONTROLLER_PORT: String(options.controllerPort),
      KAFKA_DATA_DIR: options.dataDir,
    },
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const brokers = [`127.0.0.1:${options.port}`];
  const deadline = Date.now() + timeoutMs;
  while (!(await answersMetadata(brokers))) {
    if (exited) throw new Error(`Kafka exited during start (code ${child.exitCode}); see its output above`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Kafka did not answer on ${brokers[0]} within ${timeoutMs / 1000} s`);
    }
    await sleep(250);
  }
  return {
    brokers,
    process: child,
    stop: () => stopProcess(child, 20_000),
  };
}

export async function answersMetadata(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'readiness',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1_000,
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function provisionTopics(brokers: string[], partitions: number): Promise<string[]> {
  const admin = new Kafka({ clientId: 'provisioning', brokers, logLevel: logLevel.WARN }).admin();
  await admin.connect();
  try {
    return await ensureTopics(admin, SINGLE_BROKER_TOPICS(partitions));
  } finally {
    await admin.disconnect();
  }
}

/** SIGTERM, then SIGKILL after the grace period. */
export function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
