import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { createEvent, EventTypes } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform/errors/domain-error';
import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { SINGLE_BROKER_TOPICS } from '../kafka/topics';
import { MessagingMetrics } from '../messaging.metrics';
import type { MessagingOptions } from '../messaging.options';
import { KafkaConsumerHost } from './kafka-consumer.host';
import { OnEvent } from './on-event.decorator';

/** kafkajs' consumer as far as the host uses it: its lifecycle and its instrumentation events. */
class InMemoryConsumer {
  readonly events = {
    FETCH_START: 'consumer.fetch_start',
    HEARTBEAT: 'consumer.heartbeat',
    GROUP_JOIN: 'consumer.group_join',
    CONNECT: 'consumer.connect',
    START_BATCH_PROCESS: 'consumer.start_batch_process',
    END_BATCH_PROCESS: 'consumer.end_batch_process',
    CRASH: 'consumer.crash',
  };
  readonly subscribed: string[] = [];
  running = false;
  disconnected = false;
  private readonly listeners = new Map<string, Array<(event: { payload: unknown }) => void>>();

  on(name: string, listener: (event: { payload: unknown }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return () => undefined;
  }
  emit(name: string, payload: unknown = {}) {
    for (const listener of this.listeners.get(name) ?? []) listener({ payload });
  }
  async connect() {}
  async subscribe({ topics }: { topics: string[] }) {
    this.subscribed.push(...topics);
  }
  eachBatch?: (payload: unknown) => Promise<void>;
  async run({ eachBatch }: { eachBatch: (payload: unknown) => Promise<void> }) {
    this.running = true;
    this.eachBatch = eachBatch;
  }
  async disconnect() {
    this.running = false;
    this.disconnected = true;
  }
}

class SubmittedHandler {
  @OnEvent(EventTypes.NominationSubmitted)
  async onSubmitted() {}
}

const options: MessagingOptions = {
  service: 'scoring',
  brokers: ['127.0.0.1:9092'],
  schema: 'scoring',
  databaseUrl: 'postgres://127.0.0.1/unused',
  groupId: 'paritrana-scoring',
  createTopics: false,
  topics: SINGLE_BROKER_TOPICS(3),
  relayBatchSize: 500,
  relayBatchBytes: 2 * 2 ** 20,
  relayIntervalMs: 500,
  retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100 },
  consumerStallMs: 60_000,
};

/** The host over these handlers, with no database or producer: the tests that use it touch neither. */
const hostOf = (kafka: Kafka, handlers: object[]) =>
  new KafkaConsumerHost(
    options,
    kafka,
    {} as Producer,
    {} as DataSource,
    { getProviders: () => handlers.map((instance) => ({ instance })) } as unknown as DiscoveryService,
    new MetadataScanner(),
    new Reflector(),
    new MessagingMetrics(),
  );

describe('KafkaConsumerHost keeps every topic consumed', () => {
  let created: InMemoryConsumer[];
  let sut: KafkaConsumerHost;

  beforeEach(async () => {
    jest.useFakeTimers();
    created = [];
    const kafka = {
      consumer: () => {
        const consumer = new InMemoryConsumer();
        created.push(consumer);
        return consumer;
      },
    } as unknown as Kafka;
    sut = hostOf(kafka, [new SubmittedHandler()]);
    await sut.onApplicationBootstrap();
  });

  afterEach(async () => {
    await sut.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('should keep a consumer that shows signs of life', async () => {
    for (let i = 0; i < 12; i++) {
      await jest.advanceTimersByTimeAsync(10_000);
      created[0].emit(created[0].events.FETCH_START);
    }

    expect(created).toHaveLength(1);
    expect(created[0].disconnected).toBe(false);
  });

  it('should replace a consumer that falls silent with a new one on the same topic', async () => {
    await jest.advanceTimersByTimeAsync(70_000);

    expect(created).toHaveLength(2);
    expect(created[0].disconnected).toBe(true);
    expect(created[1].subscribed).toEqual(['paritrana.nominations.v1']);
    expect(created[1].running).toBe(true);
  });

  it('should replace a consumer that crashed and that kafkajs will not restart', async () => {
    created[0].emit(created[0].events.CRASH, { restart: false, error: new Error('The group is rebalancing') });
    await jest.advanceTimersByTimeAsync(0);

    expect(created).toHaveLength(2);
    expect(created[1].running).toBe(true);
  });

  it('should leave a crashed consumer to kafkajs when it restarts it', async () => {
    created[0].emit(created[0].events.CRASH, { restart: true, error: new Error('The coordinator is loading') });
    await jest.advanceTimersByTimeAsync(0);

    expect(created).toHaveLength(1);
  });

  it('should replace nothing once the service is stopping', async () => {
    await sut.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(120_000);

    expect(created).toHaveLength(1);
  });
});

class PublishedHandler {
  @OnEvent(EventTypes.RankingPublished)
  async onPublished() {}
}

describe('KafkaConsumerHost asks the broker as often as its handlers need', () => {
  const fetchSettings = async (handlers: object[]) => {
    const configs: Array<{ groupId: string; minBytes?: number }> = [];
    const kafka = {
      consumer: (config: { groupId: string; minBytes?: number }) => {
        configs.push(config);
        return new InMemoryConsumer();
      },
    } as unknown as Kafka;
    const sut = hostOf(kafka, handlers);
    await sut.onApplicationBootstrap();
    await sut.beforeApplicationShutdown();
    return Object.fromEntries(configs.map((c) => [c.groupId, c.minBytes]));
  };

  it("should let a consumer that handles none of its topic's frequent events wait for them to gather, and no other", async () => {
    expect(await fetchSettings([new PublishedHandler(), new SubmittedHandler()])).toEqual({
      'paritrana-scoring.paritrana.rankings.v1': 256 * 1024,
      'paritrana-scoring.paritrana.nominations.v1': 1,
    });
  });
});

/** A NotificationSent handler whose failure the test chooses. */
class ControlledHandler {
  failure?: unknown;
  failOn?: string;
  readonly handled: string[] = [];
  readonly calls: string[] = [];

  @OnEvent(EventTypes.NotificationSent)
  async onSent(event: { id: string }) {
    this.calls.push(event.id);
    if (this.failure && (this.failOn === undefined || this.failOn === event.id)) throw this.failure;
    this.handled.push(event.id);
  }
}

const notificationSent = () =>
  createEvent(
    EventTypes.NotificationSent,
    'board-1',
    {
      boardId: 'board-1',
      nominationId: '8f0c5a8e-8d3e-4c1b-9a55-1b2f3c4d5e6f',
      messageId: '<1@test>',
      title: 'ok',
      attempts: 1,
      sentAt: new Date().toISOString(),
    },
    { service: 'test' },
  );

describe('KafkaConsumerHost decides what a failed event does to its partition', () => {
  let consumer: InMemoryConsumer;
  let handler: ControlledHandler;
  let sent: unknown[];
  let transactions: number;
  let commits: unknown[];
  let sut: KafkaConsumerHost;
  const metrics = new MessagingMetrics();

  beforeEach(async () => {
    // The partitions handed over in one turn of the event loop share their work: that turn is real.
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    handler = new ControlledHandler();
    sent = [];
    transactions = 0;
    commits = [];
    const kafka = { consumer: () => (consumer = new InMemoryConsumer()) } as unknown as Kafka;
    const producer = { send: async (record: unknown) => void sent.push(record) } as unknown as Producer;
    const manager = {
      query: async (_sql: string, [ids]: [string[]]) => ids.map((event_id) => ({ event_id })),
    };
    const dataSource = {
      transaction: async (work: (m: unknown) => Promise<unknown>) => {
        transactions++;
        return work(manager);
      },
    } as unknown as DataSource;
    const discovery = { getProviders: () => [{ instance: handler }] } as unknown as DiscoveryService;
    sut = new KafkaConsumerHost(
      { ...options, unknownFailurePause: { initialMs: 1_000, maxMs: 4_000 } },
      kafka,
      producer,
      dataSource,
      discovery,
      new MetadataScanner(),
      new Reflector(),
      metrics,
    );
    await sut.onApplicationBootstrap();
  });

  afterEach(async () => {
    await sut.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  /** Offsets resolved and not committed yet, by partition, as kafkajs keeps them for the whole consumer. */
  const uncommitted = new Map<number, string>();

  const deliver = async (events: object[], firstOffset = 10, headers?: (i: number) => Record<string, string>, partition = 0) => {
    const resolved: string[] = [];
    const paused: string[] = [];
    const messages = events.map((event, i) => ({
      offset: String(firstOffset + i),
      key: null,
      value: Buffer.from(JSON.stringify(event)),
      headers: headers?.(i),
    }));
    await consumer.eachBatch!({
      batch: { topic: 'paritrana.notifications.v1', partition, messages: messages as unknown as KafkaMessage[] },
      resolveOffset: (offset: string) => {
        resolved.push(offset);
        uncommitted.set(partition, String(Number(offset) + 1));
      },
      heartbeat: async () => undefined,
      uncommittedOffsets: () => ({
        topics:
          uncommitted.size === 0
            ? []
            : [{ topic: 'paritrana.notifications.v1', partitions: [...uncommitted].map(([p, offset]) => ({ partition: p, offset })) }],
      }),
      commitOffsetsIfNecessary: async (offsets: unknown) => {
        commits.push(offsets);
        uncommitted.clear();
      },
      isRunning: () => true,
      isStale: () => false,
      pause: () => {
        paused.push('paused');
        return () => void paused.push('resumed');
      },
    });
    return { resolved, paused };
  };

  it('should skip unparsed a message whose ce_type header names an event it does not handle, and still apply the others', async () => {
    const event = notificationSent();
    const notHandled = { broken: 'not even an event' };

    const { resolved } = await deliver([notHandled, event, notHandled], 10, (i) => ({
      ce_type: i === 1 ? EventTypes.NotificationSent : EventTypes.NotificationFailed,
    }));

    expect(handler.handled).toEqual([event.id]);
    expect(sent).toEqual([]);
    expect(resolved).toEqual(['12']);
  });

  it('should judge by the value when the header is missing or names no event of the catalogue', async () => {
    const { resolved } = await deliver([{ broken: true }, { broken: true }], 10, (i): Record<string, string> =>
      i === 0 ? {} : { ce_type: 'x.unknown' },
    );

    expect(sent).toHaveLength(2);
    expect(resolved).toEqual(['11']);
  });

  it('should pause the partition at the event, dead-letter nothing and resume after the pause when a handler throws a TypeError', async () => {
    handler.failure = new TypeError("Cannot read properties of undefined (reading 'total')");
    const unknownBefore =
      (await metrics.unknownFailures.get()).values.find((v) => v.labels.topic === 'paritrana.notifications.v1')?.value ?? 0;

    const delivery = await deliver([notificationSent()]);

    expect(delivery.paused).toEqual(['paused']);
    expect(delivery.resolved).toEqual(['9']);
    expect(sent).toEqual([]);
    const unknownAfter = (await metrics.unknownFailures.get()).values.find((v) => v.labels.topic === 'paritrana.notifications.v1')?.value;
    expect(unknownAfter).toBe(unknownBefore + 1);
    await jest.advanceTimersByTimeAsync(999);
    expect(delivery.paused).toEqual(['paused']);
    await jest.advanceTimersByTimeAsync(1);
    expect(delivery.paused).toEqual(['paused', 'resumed']);
  });

  it('should resolve the events before the failing one and stop at it when an unknown failure strikes mid-batch', async () => {
    const [first, second, third] = [notificationSent(), notificationSent(), notificationSent()];
    handler.failure = new Error('a bug');
    handler.failOn = second.id;

    const delivery = await deliver([first, second, third]);

    expect(handler.handled).toContain(first.id);
    expect(handler.handled).not.toContain(third.id);
    expect(delivery.resolved).toEqual(['10']);
    expect(delivery.paused).toEqual(['paused']);
    expect(sent).toEqual([]);
  });

  it('should pause longer each time the same partition fails again, up to the cap', async () => {
    handler.failure = new TypeError('x is not a function');
    const resumedAfter: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { paused } = await deliver([notificationSent()]);
      let waited = 0;
      while (paused.length < 2) {
        await jest.advanceTimersByTimeAsync(500);
        waited += 500;
      }
      resumedAfter.push(waited);
    }

    expect(resumedAfter).toEqual([1_000, 2_000, 4_000, 4_000]);
  });

  it('should dead-letter at once with the reason in the headers when the failure is a domain rule violation', async () => {
    handler.failure = DomainError.invalid('TEST_POISON', 'refused by the rules');

    const delivery = await deliver([notificationSent()]);

    expect(delivery.paused).toEqual([]);
    expect(delivery.resolved).toEqual(['10']);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      topic: 'paritrana.notifications.v1.dlq',
      messages: [{ headers: { 'dlq-reason': 'DomainError: refused by the rules' } }],
    });
  });

  it('should dead-letter a permanently unfit event of a batch without applying it again, and apply the others', async () => {
    const [poison, after] = [notificationSent(), notificationSent()];
    handler.failure = DomainError.invalid('TEST_POISON', 'refused by the rules');
    handler.failOn = poison.id;

    const delivery = await deliver([poison, after]);

    expect(handler.calls.filter((id) => id === poison.id)).toHaveLength(1);
    expect(handler.handled).toEqual([after.id]);
    expect(sent).toHaveLength(1);
    expect(delivery.resolved).toEqual(['11']);
    expect(delivery.paused).toEqual([]);
  });

  it('should apply the events of partitions handed over at the same moment in one transaction and commit their offsets once', async () => {
    const [a, b, c] = [notificationSent(), notificationSent(), notificationSent()];

    const [first, second] = await Promise.all([deliver([a, b], 10, undefined, 0), deliver([c], 40, undefined, 1)]);
    await jest.advanceTimersByTimeAsync(0);

    expect(handler.handled.sort()).toEqual([a.id, b.id, c.id].sort());
    expect(transactions).toBe(1);
    expect(first.resolved).toEqual(['11']);
    expect(second.resolved).toEqual(['40']);
    expect(commits).toEqual([
      {
        topics: [
          {
            topic: 'paritrana.notifications.v1',
            partitions: [
              { partition: 0, offset: '12' },
              { partition: 1, offset: '41' },
            ],
          },
        ],
      },
    ]);
  });

  it("should apply a partition's events on their own when those handed over with them fail, and dead-letter only the unfit one", async () => {
    const [poison, after, other] = [notificationSent(), notificationSent(), notificationSent()];
    handler.failure = DomainError.invalid('TEST_POISON', 'refused by the rules');
    handler.failOn = poison.id;

    const [withPoison, without] = await Promise.all([deliver([poison, after], 10, undefined, 0), deliver([other], 40, undefined, 1)]);

    expect(handler.calls.filter((id) => id === poison.id)).toHaveLength(1);
    expect(handler.handled.sort()).toEqual([after.id, other.id].sort());
    expect(sent).toHaveLength(1);
    expect(withPoison.resolved).toEqual(['11']);
    expect(without.resolved).toEqual(['40']);
  });
});
