import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createEvent, deadLetterTopic, EventTypes, Topics, type CloudEvent } from '@paritrana/contracts';
import { createMessagingTables, OnEvent, outboxChannel } from '@paritrana/messaging';
import { CommonEnv, loadEnv } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import { waitFor } from '@paritrana/testing';
import { randomUUID } from 'node:crypto';
import { createServer, Socket, type Server } from 'node:net';
import { Kafka, logLevel, Partitioners, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';

const SCHEMA = 'messaging_outage_test';

class CreateOutageTestTables1763712500000 implements MigrationInterface {
  name = 'CreateOutageTestTables1763712500000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${SCHEMA}.applied (event_id uuid PRIMARY KEY)`);
    await createMessagingTables(runner, SCHEMA);
  }
  async down(): Promise<void> {
    throw new Error('not reversible in tests');
  }
}

@Injectable()
class Recorder {
  @OnEvent(EventTypes.NotificationSent)
  async onSent(event: CloudEvent, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO ${SCHEMA}.applied (event_id) VALUES ($1)`, [event.id]);
  }
}

/** A TCP proxy in front of PostgreSQL that can cut every connection and refuse new ones: an outage. */
class OutageProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private down = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.down) return void client.destroy();
      const upstream = new Socket();
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      upstream.connect(this.target.port, this.target.host);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const sent = (boardId: string) =>
  createEvent(
    EventTypes.NotificationSent,
    boardId,
    {
      boardId,
      nominationId: randomUUID(),
      messageId: `<${randomUUID()}@test>`,
      title: 'ok',
      attempts: 1,
      sentAt: new Date().toISOString(),
    },
    { service: 'messaging-outage-test' },
  );

describe('messaging through a database outage (real Kafka and Postgres behind a proxy that cuts them apart)', () => {
  const realUrl = new URL(process.env.DATABASE_URL!);
  const proxy = new OutageProxy({ host: realUrl.hostname, port: Number(realUrl.port || 5432) });
  let app: INestApplicationContext;
  let producer: Producer;
  let dlqReader: Consumer;
  const deadLetters: KafkaMessage[] = [];

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: realUrl.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const applied = async (id: string) => (await query(`SELECT 1 FROM ${SCHEMA}.applied WHERE event_id = $1`, [id])).length === 1;
  const listeners = async () =>
    (
      await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query = $2`, [
        realUrl.pathname.slice(1),
        `LISTEN ${outboxChannel(SCHEMA)}`,
      ])
    )[0].n;

  beforeAll(async () => {
    await proxy.start();
    const proxied = new URL(realUrl);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const env = loadEnv(CommonEnv, { ...process.env, DATABASE_URL: proxied.toString(), LOG_LEVEL: 'error' });
    @Module({
      imports: [
        ServiceModule.forRoot({
          service: `messaging-outage-${randomUUID().slice(0, 8)}`,
          schema: SCHEMA,
          env,
          migrations: [CreateOutageTestTables1763712500000],
          // Retries of one event run out within a second: an outage must not count against them.
          messaging: { retry: { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 }, relayIntervalMs: 100 },
        }),
      ],
      providers: [Recorder],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: ['error'] });
    await app.init();

    const kafka = new Kafka({
      clientId: 'messaging-outage-test',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    dlqReader = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: deadLetterTopic(Topics.Notifications), fromBeginning: true });
    await dlqReader.run({ eachMessage: async ({ message }) => void deadLetters.push(message) });
  });

  afterAll(async () => {
    await dlqReader?.disconnect();
    await producer?.disconnect();
    proxy.restore();
    await app?.close();
    await proxy.stop();
  });

  it('should wait for the database and apply an event that arrives during an outage, never dead-letter it', async () => {
    const key = `board-${randomUUID()}`;
    const before = sent(key);
    await producer.send({ topic: Topics.Notifications, messages: [{ key, value: JSON.stringify(before) }] });
    await waitFor('the event before the outage', async () => ((await applied(before.id)) ? true : undefined));
    const during = sent(key);

    proxy.cut();
    await producer.send({ topic: Topics.Notifications, messages: [{ key, value: JSON.stringify(during) }] });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    proxy.restore();

    await waitFor('the event sent during the outage', async () => ((await applied(during.id)) ? true : undefined), 30_000);
    expect(deadLetters.filter((m) => m.key?.toString() === key)).toEqual([]);
  });

  it('should listen for outbox commits again after an outage longer than one reconnection attempt', async () => {
    await waitFor('the relay to listen', async () => ((await listeners()) === 1 ? true : undefined));

    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await listeners()).toBe(0);
    proxy.restore();

    await waitFor('the relay to listen again', async () => ((await listeners()) === 1 ? true : undefined), 15_000);
  });
});
