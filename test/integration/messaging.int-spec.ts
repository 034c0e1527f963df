import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, deadLetterTopic, EventTypes, Topics, type CloudEvent } from '@paritrana/contracts';
import { claimOutboxBatch, createMessagingTables, EventPublisher, OnEvent } from '@paritrana/messaging';
import { register } from 'prom-client';
import { CommonEnv, DomainError, loadEnv } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import { waitFor } from '@paritrana/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';

const SCHEMA = 'messaging_test';

class CreateMessagingTestTables1763712400000 implements MigrationInterface {
  name = 'CreateMessagingTestTables1763712400000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${SCHEMA}.applied (event_id uuid PRIMARY KEY, nomination_id uuid NOT NULL, attempt integer NOT NULL)`);
    await createMessagingTables(runner, SCHEMA);
  }
  async down(): Promise<void> {
    throw new Error('not reversible in tests');
  }
}

type Sent = CloudEvent<typeof EventTypes.NotificationSent>;

/** Applies NotificationSent events; its `title` tells it to fail permanently or transiently. */
@Injectable()
class RecordingConsumer {
  readonly attempts = new Map<string, number>();
  /** While true, a `bug` event fails as a bad deploy would: with a TypeError. */
  broken = true;

  @OnEvent(EventTypes.NotificationSent)
  async onSent(event: Sent, manager: EntityManager): Promise<void> {
    const attempt = (this.attempts.get(event.id) ?? 0) + 1;
    this.attempts.set(event.id, attempt);
    if (event.data.title === 'poison') throw DomainError.invalid('TEST_POISON', 'refused by the rules');
    if (event.data.title === 'flaky' && attempt < 3) throw DomainError.unavailable('TEST_FLAKY', 'not yet');
    if (event.data.title === 'bug' && this.broken) throw new TypeError("Cannot read properties of undefined (reading 'title')");
    await manager.query(`INSERT INTO ${SCHEMA}.applied (event_id, nomination_id, attempt) VALUES ($1, $2, $3)`, [
      event.id,
      event.data.nominationId,
      attempt,
    ]);
  }
}

@Injectable()
class Emitter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  async emit(event: CloudEvent, rollback = false): Promise<void> {
    await this.dataSource
      .transaction(async (manager) => {
        await this.events.publish(manager, [event]);
        if (rollback) throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => {
        if (!rollback) throw error;
      });
  }
}

const sent = (title: string, boardId = `board-${randomUUID()}`): Sent =>
  createEvent(
    EventTypes.NotificationSent,
    boardId,
    { boardId, nominationId: randomUUID(), messageId: `<${randomUUID()}@test>`, title, attempts: 1, sentAt: new Date().toISOString() },
    { service: 'messaging-test' },
  );

describe('messaging: outbox, idempotent consumer, retries and dead letters (real Kafka and Postgres)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let emitter: Emitter;
  let consumer: RecordingConsumer;
  let producer: Producer;
  let dlqReader: Consumer;
  const deadLetters: KafkaMessage[] = [];

  const applied = async (eventId: string): Promise<{ attempt: number }[]> =>
    dataSource.query(`SELECT attempt FROM ${SCHEMA}.applied WHERE event_id = $1`, [eventId]);

  beforeAll(async () => {
    const env = loadEnv(CommonEnv, { ...process.env, LOG_LEVEL: 'error' });
    @Module({
      imports: [
        ServiceModule.forRoot({
          service: `messaging-test-${randomUUID().slice(0, 8)}`,
          schema: SCHEMA,
          env,
          migrations: [CreateMessagingTestTables1763712400000],
          messaging: {
            retry: { maxAttempts: 5, initialDelayMs: 50, maxDelayMs: 200 },
            relayIntervalMs: 100,
            unknownFailurePause: { initialMs: 100, maxMs: 400 },
            processedEventsRetentionMs: 7 * 24 * 3_600_000,
            processedEventsPruneIntervalMs: 200,
          },
        }),
      ],
      providers: [RecordingConsumer, Emitter],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: ['error'] });
    await app.init();
    dataSource = app.get(DataSource);
    emitter = app.get(Emitter);
    consumer = app.get(RecordingConsumer);

    const kafka = new Kafka({ clientId: 'messaging-test', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
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
    await app?.close();
  });

  it('should give the relay turn to one replica at a time, the other claiming nothing until the first transaction ends', async () => {
    const [first, second, setup] = [dataSource.createQueryRunner(), dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    // A schema of its own, which no relay reads.
    const schema = `${SCHEMA}_turns`;
    try {
      await setup.query(`CREATE SCHEMA "${schema}"`);
      await createMessagingTables(setup, schema);
      for (const key of ['a', 'b'])
        await setup.query(
          `INSERT INTO "${schema}".outbox (event_id, topic, message_key, event_type, envelope) VALUES ($1, 't', $2, 'e', '{}'::json)`,
          [randomUUID(), key],
        );
      const claimedKeys = async (runner: typeof first) =>
        (await claimOutboxBatch(runner, schema, 1, 100_000)).rows.map((r) => r.message_key);
      await first.startTransaction();
      await second.startTransaction();

      expect(await claimedKeys(first)).toEqual(['a']);
      // The second row is free, but the turn is not.
      expect(await claimedKeys(second)).toEqual([]);
      await first.commitTransaction();
      expect(await claimedKeys(second)).toEqual(['a']);
      await second.commitTransaction();
    } finally {
      await setup.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([first.release(), second.release(), setup.release()]);
    }
  });

  it('should claim the oldest outbox rows up to a count and up to a size of envelopes, the first row always', async () => {
    const runner = dataSource.createQueryRunner();
    // A schema of its own, which no relay reads.
    const schema = `${SCHEMA}_claims`;
    try {
      await runner.startTransaction();
      await runner.query(`CREATE SCHEMA "${schema}"`);
      await createMessagingTables(runner, schema);
      for (const size of [1_000, 1_000, 1_000, 5_000, 1_000])
        await runner.query(
          `INSERT INTO "${schema}".outbox (event_id, topic, message_key, event_type, envelope) VALUES ($1, 't', 'k', 'e', $2::json)`,
          [randomUUID(), JSON.stringify('x'.repeat(size - 2))],
        );
      const seqs = async (limit: number, maxBytes: number) => {
        const { rows, full } = await claimOutboxBatch(runner, schema, limit, maxBytes);
        return { sizes: rows.map((r) => r.envelope.length), full };
      };

      expect(await seqs(10, 2_500)).toEqual({ sizes: [1_000, 1_000, 1_000], full: true });
      expect(await seqs(2, 100_000)).toEqual({ sizes: [1_000, 1_000], full: true });
      expect(await seqs(10, 100_000)).toEqual({ sizes: [1_000, 1_000, 1_000, 5_000, 1_000], full: false });
      await runner.query(`DELETE FROM "${schema}".outbox WHERE seq IN (SELECT seq FROM "${schema}".outbox ORDER BY seq LIMIT 3)`);
      expect(await seqs(10, 100)).toEqual({ sizes: [5_000], full: true });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('should relay an event written in a committed transaction and apply it once', async () => {
    const event = sent('ok');

    await emitter.emit(event);

    const rows = await waitFor('the event to be applied', async () =>
      (await applied(event.id)).length === 1 ? applied(event.id) : undefined,
    );
    expect(rows).toEqual([{ attempt: 1 }]);
    const outbox = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`);
    expect(outbox[0].n).toBe(0);
  });

  it('should never publish an event whose transaction rolled back', async () => {
    const ghost = sent('ok');
    const marker = sent('ok');

    await emitter.emit(ghost, true);
    await emitter.emit(marker);

    await waitFor('the marker event', async () => ((await applied(marker.id)).length === 1 ? true : undefined));
    expect(await applied(ghost.id)).toEqual([]);
    expect(consumer.attempts.has(ghost.id)).toBe(false);
  });

  it('should skip a redelivered event', async () => {
    const event = sent('ok');
    await emitter.emit(event);
    await waitFor('the first delivery', async () => ((await applied(event.id)).length === 1 ? true : undefined));

    await producer.send({ topic: Topics.Notifications, messages: [{ key: event.subject, value: JSON.stringify(event) }] });
    const marker = sent('ok', event.subject);
    await producer.send({ topic: Topics.Notifications, messages: [{ key: marker.subject, value: JSON.stringify(marker) }] });

    await waitFor('the marker after the duplicate', async () => ((await applied(marker.id)).length === 1 ? true : undefined));
    expect(await applied(event.id)).toEqual([{ attempt: 1 }]);
    expect(consumer.attempts.get(event.id)).toBe(1);
  });

  it('should dead-letter malformed, unknown and schema-invalid messages without blocking their partition', async () => {
    const key = `board-${randomUUID()}`;
    const unknownType = { ...sent('ok', key), type: 'paritrana.unknown.happened.v1' };
    const invalidData = { ...sent('ok', key), data: { boardId: key, title: 42 } };
    const after = sent('ok', key);

    await producer.send({
      topic: Topics.Notifications,
      messages: [
        { key, value: '{ this is not json' },
        { key, value: JSON.stringify(unknownType) },
        { key, value: JSON.stringify(invalidData) },
        { key, value: JSON.stringify(after) },
      ],
    });

    await waitFor('the message behind the poison ones', async () => ((await applied(after.id)).length === 1 ? true : undefined));
    const reasons = await waitFor('three dead letters', async () => {
      const mine = deadLetters.filter((m) => m.key?.toString() === key);
      return mine.length === 3 ? mine.map((m) => m.headers?.['dlq-reason']?.toString()) : undefined;
    });
    expect(reasons[0]).toBe('message value is not JSON');
    expect(reasons[1]).toBe('unknown event type paritrana.unknown.happened.v1');
    expect(reasons[2]).toMatch(/^invalid paritrana.notification.sent.v1 data: /);
  });

  it('should compress large events and set aside one the broker refuses, without blocking the events behind it', async () => {
    const large = sent('x'.repeat(3_000_000));
    const refused = sent(randomBytes(12_000_000).toString('base64'));
    const after = sent('ok');

    await emitter.emit(large);
    await emitter.emit(refused);
    await emitter.emit(after);

    await waitFor('the event behind the refused one', async () => ((await applied(after.id)).length === 1 ? true : undefined));
    // Events behind a refused one in its batch are sent before the batch that sets it aside commits:
    // `after` can be applied while that transaction is still open.
    const dead = await waitFor('the relay to commit the batch that set the refused event aside', async () => {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`);
      return n === 0 ? dataSource.query(`SELECT event_id, error FROM ${SCHEMA}.outbox_dead`) : undefined;
    });
    expect(await applied(large.id)).toEqual([{ attempt: 1 }]);
    expect(await applied(refused.id)).toEqual([]);
    expect(dead).toEqual([{ event_id: refused.id, error: expect.stringContaining('larger than the max message size') }]);
  });

  it('should dead-letter a permanent failure at once and retry a transient one until it succeeds', async () => {
    const poison = sent('poison');
    const flaky = sent('flaky');

    await emitter.emit(poison);
    await emitter.emit(flaky);

    const rows = await waitFor('the flaky event to succeed', async () =>
      (await applied(flaky.id)).length === 1 ? applied(flaky.id) : undefined,
    );
    expect(rows).toEqual([{ attempt: 3 }]);
    const letter = await waitFor('the poison dead letter', async () => deadLetters.find((m) => m.key?.toString() === poison.subject));
    expect(letter.headers?.['dlq-reason']?.toString()).toBe('DomainError: refused by the rules');
    expect(letter.headers?.['dlq-original-topic']?.toString()).toBe(Topics.Notifications);
    expect(consumer.attempts.get(poison.id)).toBe(1);
    expect(await applied(poison.id)).toEqual([]);
  });

  it('should pause on a TypeError without dead-lettering, hold the events behind it, and apply them once the handler is fixed', async () => {
    const key = `board-${randomUUID()}`;
    const buggy = sent('bug', key);
    const behind = sent('ok', key);
    const unknownBefore = await unknownFailures();

    await emitter.emit(buggy);
    await emitter.emit(behind);

    // Paused twice: tried, paused, tried again after the pause, paused again. (A rebalance under load
    // may hand the event over once more without a pause of its own, so the attempts are not the count.)
    await waitFor('the partition to be paused and tried again', async () =>
      (await unknownFailures()) >= unknownBefore + 2 ? true : undefined,
    );
    expect(consumer.attempts.get(buggy.id)).toBeGreaterThanOrEqual(2);
    expect(await applied(behind.id)).toEqual([]);
    expect(deadLetters.filter((m) => m.key?.toString() === key)).toEqual([]);

    consumer.broken = false;

    await waitFor('the event behind the fixed one', async () => ((await applied(behind.id)).length === 1 ? true : undefined));
    expect(await applied(buggy.id)).toHaveLength(1);
    expect(deadLetters.filter((m) => m.key?.toString() === key)).toEqual([]);
  });

  it('should prune processed events older than the retention and keep the recent ones', async () => {
    const [old, recent] = [randomUUID(), randomUUID()];
    await dataSource.query(
      `INSERT INTO ${SCHEMA}.processed_events (event_id, event_type, processed_at)
       VALUES ($1, 'paritrana.notification.sent.v1', now() - interval '8 days'), ($2, 'paritrana.notification.sent.v1', now() - interval '6 days')`,
      [old, recent],
    );
    const kept = async () =>
      (await dataSource.query(`SELECT event_id FROM ${SCHEMA}.processed_events WHERE event_id = ANY($1::uuid[])`, [[old, recent]])).map(
        (r: { event_id: string }) => r.event_id,
      );

    const rows = await waitFor('the old record to be pruned', async () => {
      const ids = await kept();
      return ids.includes(old) ? undefined : ids;
    });

    expect(rows).toEqual([recent]);
  });
});

async function unknownFailures(): Promise<number> {
  const metric = await register.getSingleMetric('paritrana_consumer_unknown_errors_total')?.get();
  return metric?.values.find((v) => v.labels.topic === Topics.Notifications)?.value ?? 0;
}
