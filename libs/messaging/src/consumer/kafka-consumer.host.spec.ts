import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { EventTypes } from '@paritrana/contracts';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
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
  async run() {
    this.running = true;
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
  partitions: 3,
  relayBatchSize: 500,
  relayIntervalMs: 500,
  retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100 },
  consumerStallMs: 60_000,
};

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
    const discovery = { getProviders: () => [{ instance: new SubmittedHandler() }] } as unknown as DiscoveryService;
    sut = new KafkaConsumerHost(
      options,
      kafka,
      {} as Producer,
      {} as DataSource,
      discovery,
      new MetadataScanner(),
      new Reflector(),
      new MessagingMetrics(),
    );
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
