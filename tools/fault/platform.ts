import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SmtpSink } from '@paritrana/testing/smtp-sink';
import { embeddedUrl, preparePostgres, waitForPostgres } from '@paritrana/infra/embedded-postgres';
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

const PARTITIONS = 6;

/**
 * The platform under fault: a real Kafka broker, a real PostgreSQL server, an SMTP server in this
 * process and the four services, each its own process on free ports, every one restartable.
 */
export class FaultPlatform {
  readonly smtp = new SmtpSink();
  readonly services = new Map<ServiceName, { process: ManagedProcess; url: string }>();
  kafka!: ManagedProcess;
  postgres!: ManagedProcess;
  private postgresData?: string;
  brokers: string[] = [];
  databaseUrl = '';

  constructor(
    private readonly dataDir: string,
    private readonly logDir: string,
    readonly jwtSecret: string,
  ) {}

  url(service: ServiceName): string {
    return this.services.get(service)!.url;
  }

  async start(log: (line: string) => void): Promise<void> {
    const [kafkaPort, controllerPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    fetchKafka();
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
    const postgres = await preparePostgres(join(this.dataDir, 'postgres'), pgPort);
    this.postgresData = postgres.dataDir;
    this.postgres = new ManagedProcess('postgres', postgres, join(this.logDir, 'postgres.log'));
    this.kafka.start();
    this.postgres.start();
    await this.waitKafka();
    await provisionTopics(this.brokers, PARTITIONS);
    await waitForPostgres(embeddedUrl(pgPort));
    this.databaseUrl = await createDatabase(embeddedUrl(pgPort), 'paritrana');
    log(`Kafka on ${this.brokers[0]}, PostgreSQL on port ${pgPort}`);
    await this.smtp.start();
    // Slow enough that the notification service can be killed while it is sending.
    this.smtp.holdMs = 40;
    log(`SMTP server on ${this.smtp.url}`);

    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: this.brokers.join(','),
      KAFKA_PARTITIONS: String(PARTITIONS),
      DATABASE_URL: this.databaseUrl,
      SMTP_URL: this.smtp.url,
      MAIL_FROM: 'Paritrana Award <noreply@paritrana.fault>',
      // A sender killed mid-sending leaves claims that expire after the lease; short, so the run stays short.
      MAIL_LEASE_SECONDS: '10',
      AUTH_JWT_SECRET: this.jwtSecret,
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    for (const service of SERVICES) {
      const port = await freePort();
      const main = join(repoRoot(), 'dist', 'apps', service.dir, 'src', 'main.js');
      const process_ = new ManagedProcess(
        service.name,
        {
          command: process.execPath,
          args: ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning', main],
          env: { ...env, PORT: String(port) },
        },
        join(this.logDir, `${service.name}.log`),
      );
      this.services.set(service.name, { process: process_, url: `http://127.0.0.1:${port}` });
      process_.start();
    }
    for (const service of SERVICES) await this.waitReady(service.name);
    log(`Services ready: ${SERVICES.map((s) => `${s.name} ${this.url(s.name)}`).join(', ')}`);
  }

  async waitKafka(timeoutMs = 120_000): Promise<void> {
    await until('Kafka to answer', async () => (this.kafka.assertAlive(), answersMetadata(this.brokers)), timeoutMs, 250);
  }

  async waitPostgres(timeoutMs = 60_000): Promise<void> {
    this.postgres.assertAlive();
    await waitForPostgres(this.databaseUrl, timeoutMs);
  }

  async waitReady(service: ServiceName, timeoutMs = 120_000): Promise<void> {
    const { process: child, url } = this.services.get(service)!;
    await until(
      `${service} to be ready`,
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
    for (const service of [...SERVICES].reverse()) await this.services.get(service.name)?.process.close();
    await this.kafka?.stop('SIGTERM', 15_000);
    await this.kafka?.close();
    await this.postgres?.stop('SIGINT', 15_000);
    await this.postgres?.close();
    // Outside the run's folder when Postgres' user could not reach it (see preparePostgres).
    if (this.postgresData && !this.postgresData.startsWith(this.dataDir)) rmSync(this.postgresData, { recursive: true, force: true });
    await this.smtp.stop();
  }
}
