import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS, deadLetterTopic } from '@paritrana/contracts';
import { ensureTopics } from '@paritrana/messaging';
import { SmtpSink } from '@paritrana/testing/smtp-sink';
import { embeddedUrl, preparePostgres, waitForPostgres } from '@paritrana/infra/embedded-postgres';
import { startKafkaCluster, type KafkaCluster } from '@paritrana/infra/kafka-cluster';
import { answersMetadata, fetchKafka, provisionTopics } from '@paritrana/infra/kafka-broker';
import { freePort } from '@paritrana/infra/ports';
import { createDatabase } from '@paritrana/infra/postgres';
import { repoRoot } from '@paritrana/infra/repo-root';
import { ManagedProcess, until } from './processes';

export const SERVICES = [
  { name: 'intake', dir: 'nomination-intake' },
  { name: 'scoring', dir: 'scoring' },
  { name: 'ranking', dir: 'ranking' },
  { name: 'notification', dir: 'notification' },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

export interface Replica {
  process: ManagedProcess;
  url: string;
}

export interface PlatformShape {
  /** Kafka nodes: 1 is the development broker (kafka.sh); more is a KRaft cluster, every node broker and controller. */
  brokers: number;
  /** Processes of every service, each on its own port, sharing the database. */
  replicas: number;
}

const PARTITIONS = 6;

/**
 * The platform under fault: a real Kafka broker (or a cluster of them), a real PostgreSQL server,
 * an SMTP server in this process and the four services, each as one or more processes on free
 * ports, every one restartable.
 */
export class FaultPlatform {
  readonly smtp = new SmtpSink();
  readonly services = new Map<ServiceName, Replica[]>();
  /** The single broker (brokers = 1). */
  kafka?: ManagedProcess;
  /** The cluster (brokers > 1). */
  cluster?: KafkaCluster;
  postgres!: ManagedProcess;
  private postgresData?: string;
  brokers: string[] = [];
  databaseUrl = '';

  constructor(
    private readonly dataDir: string,
    private readonly logDir: string,
    readonly jwtSecret: string,
    readonly shape: PlatformShape = { brokers: 1, replicas: 1 },
  ) {}

  /** Replication of the topics: every node holds a copy; acknowledged once 2 of 3 have it. */
  get replication(): { factor: number; minInsync: number } {
    const factor = Math.min(this.shape.brokers, 3);
    return { factor, minInsync: Math.max(1, factor - 1) };
  }

  /** A service's URL: its first replica that runs (the first one when none does). */
  url(service: ServiceName): string {
    const replicas = this.services.get(service)!;
    return (replicas.find((r) => r.process.alive) ?? replicas[0]).url;
  }

  urls(service: ServiceName): string[] {
    return this.services.get(service)!.map((r) => r.url);
  }

  replica(service: ServiceName, index: number): Replica {
    return this.services.get(service)![index];
  }

  async start(log: (line: string) => void): Promise<void> {
    const pgPort = await freePort();
    fetchKafka();
    const postgres = await preparePostgres(join(this.dataDir, 'postgres'), pgPort);
    this.postgresData = postgres.dataDir;
    this.postgres = new ManagedProcess('postgres', postgres, join(this.logDir, 'postgres.log'));
    this.postgres.start();
    if (this.shape.brokers === 1) {
      const [kafkaPort, controllerPort] = [await freePort(), await freePort()];
      this.kafka = new ManagedProcess(
        'kafka',
        {
          command: 'bash',
          args: [join(repoRoot(), 'deploy', 'kafka', 'kafka.sh'), 'run'],
          env: {
            ...process.env,
            KAFKA_PORT: String(kafkaPort),
            KAFKA_CONTROLLER_PORT: String(controllerPort),
            KAFKA_DATA_DIR: join(this.dataDir, 'kafka'),
          },
        },
        join(this.logDir, 'kafka.log'),
      );
      this.brokers = [`127.0.0.1:${kafkaPort}`];
      this.kafka.start();
      await this.waitKafka();
      await provisionTopics(this.brokers, PARTITIONS);
    } else {
      this.cluster = await startKafkaCluster({ nodes: this.shape.brokers, dataDir: join(this.dataDir, 'kafka') });
      this.brokers = this.cluster.brokers;
      const admin = new Kafka({ clientId: 'fault-provisioning', brokers: this.brokers, logLevel: logLevel.WARN }).admin();
      await admin.connect();
      try {
        const { factor, minInsync } = this.replication;
        await ensureTopics(admin, { partitions: PARTITIONS, replicationFactor: factor, minInsyncReplicas: minInsync });
      } finally {
        await admin.disconnect();
      }
      await this.waitInSync();
    }
    await waitForPostgres(embeddedUrl(pgPort));
    this.databaseUrl = await createDatabase(embeddedUrl(pgPort), 'paritrana');
    log(`Kafka on ${this.brokers.join(',')}, PostgreSQL on port ${pgPort}`);
    await this.smtp.start();
    // Slow enough that the notification service can be killed while it is sending.
    this.smtp.holdMs = 40;
    log(`SMTP server on ${this.smtp.url}`);

    const { factor, minInsync } = this.replication;
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: this.brokers.join(','),
      KAFKA_PARTITIONS: String(PARTITIONS),
      KAFKA_REPLICATION_FACTOR: String(factor),
      KAFKA_MIN_INSYNC_REPLICAS: String(minInsync),
      DATABASE_URL: this.databaseUrl,
      // Every process holds a pool and a LISTEN connection: within PostgreSQL's 100 connections.
      ...(this.shape.replicas > 1 ? { DB_POOL_SIZE: '5' } : {}),
      SMTP_URL: this.smtp.url,
      MAIL_FROM: 'Paritrana Award <noreply@paritrana.fault>',
      // A sender killed mid-sending leaves claims that expire after the lease; short, so the run stays short.
      MAIL_LEASE_SECONDS: '10',
      AUTH_JWT_SECRET: this.jwtSecret,
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    // Every process of every service at once: the migrations and topic checks race as in a rollout.
    for (const service of SERVICES) {
      const replicas: Replica[] = [];
      for (let i = 0; i < this.shape.replicas; i++) {
        const port = await freePort();
        const name = this.shape.replicas === 1 ? service.name : `${service.name}-${i + 1}`;
        const main = join(repoRoot(), 'dist', 'apps', service.dir, 'src', 'main.js');
        const process_ = new ManagedProcess(
          name,
          {
            command: process.execPath,
            args: ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', main],
            env: { ...env, PORT: String(port) },
          },
          join(this.logDir, `${name}.log`),
        );
        replicas.push({ process: process_, url: `http://127.0.0.1:${port}` });
        process_.start();
      }
      this.services.set(service.name, replicas);
    }
    for (const service of SERVICES) await this.waitReady(service.name);
    log(`Services ready: ${SERVICES.map((s) => `${s.name} ${this.urls(s.name).join(' ')}`).join(', ')}`);
  }

  /** Every broker answers; on a cluster, every partition of every topic has all its replicas in sync again. */
  async waitKafka(timeoutMs = 120_000): Promise<void> {
    if (this.kafka) {
      const kafka = this.kafka;
      await until('Kafka to answer', async () => (kafka.assertAlive(), answersMetadata(this.brokers)), timeoutMs, 250);
      return;
    }
    for (const broker of this.brokers) await until(`Kafka ${broker} to answer`, () => answersMetadata([broker]), timeoutMs, 250);
    await this.waitInSync(timeoutMs);
  }

  /** Every partition of the platform's topics (and the consumer offsets) led and with every replica in sync. */
  async waitInSync(timeoutMs = 180_000): Promise<void> {
    const topics = ['__consumer_offsets', ...ALL_TOPICS.flatMap((t) => [t, deadLetterTopic(t)])];
    await until(
      'every partition to have all its replicas in sync',
      async () => {
        const admin = new Kafka({
          clientId: 'fault-isr',
          brokers: this.brokers,
          logLevel: logLevel.NOTHING,
          retry: { retries: 0 },
        }).admin();
        await admin.connect();
        try {
          // The consumer offsets' topic only exists once a group has committed.
          const existing = new Set(await admin.listTopics());
          const { topics: found } = await admin.fetchTopicMetadata({ topics: topics.filter((t) => existing.has(t)) });
          return found.every((t) => t.partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length));
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
      timeoutMs,
      500,
    );
  }

  async waitPostgres(timeoutMs = 60_000): Promise<void> {
    this.postgres.assertAlive();
    await waitForPostgres(this.databaseUrl, timeoutMs);
  }

  /** Every replica of `service` answers ready. */
  async waitReady(service: ServiceName, timeoutMs = 300_000): Promise<void> {
    for (let i = 0; i < this.services.get(service)!.length; i++) await this.waitReplicaReady(service, i, timeoutMs);
  }

  async waitReplicaReady(service: ServiceName, index: number, timeoutMs = 300_000): Promise<void> {
    const { process: child, url } = this.replica(service, index);
    await until(
      `${child.name} to be ready`,
      async () => {
        child.assertAlive();
        return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) })).status === 200;
      },
      timeoutMs,
    );
  }

  async allReady(): Promise<void> {
    for (const service of SERVICES) await this.waitReady(service.name);
  }

  async close(): Promise<void> {
    for (const service of [...SERVICES].reverse())
      for (const replica of this.services.get(service.name) ?? []) await replica.process.close();
    await this.kafka?.stop('SIGTERM', 15_000);
    await this.kafka?.close();
    if (this.cluster) {
      await this.cluster.stop();
      // The nodes write under the data folder, which goes after the run; their output is kept with the logs.
      for (const node of this.cluster.nodes) {
        const out = this.cluster.outputOf(node.id);
        if (existsSync(out)) copyFileSync(out, join(this.logDir, `kafka-${node.id}.log`));
      }
    }
    await this.postgres?.stop('SIGINT', 15_000);
    await this.postgres?.close();
    // Outside the run's folder when Postgres' user could not reach it (see preparePostgres).
    if (this.postgresData && !this.postgresData.startsWith(this.dataDir)) rmSync(this.postgresData, { recursive: true, force: true });
    await this.smtp.stop();
  }
}
