import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PgListener } from '@paritrana/platform/runtime/pg-listener';
import { type Kafka, type Producer } from 'kafkajs';
import { KafkaConsumerHost } from './consumer/kafka-consumer.host';
import { ProcessedEventsPruner } from './consumer/processed-events.pruner';
import { createKafka } from './kafka/kafka.factory';
import { createProducer } from './kafka/kafka-producer';
import { KAFKA_CLIENT, KAFKA_PRODUCER } from './kafka/kafka.tokens';
import { checkTopics, ensureTopics } from './kafka/topics';
import { MessagingHealth } from './messaging.health';
import { MessagingMetrics } from './messaging.metrics';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { EventPublisher } from './outbox/event-publisher';
import { OutboxEventPublisher } from './outbox/outbox.publisher';
import { OutboxRelay } from './outbox/outbox.relay';

@Injectable()
class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
  ) {}

  async onModuleInit(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!this.options.createTopics) await checkTopics(admin, this.options.topics);
      else {
        const created = await ensureTopics(admin, this.options.topics);
        if (created.length > 0) this.logger.log(`Created topics ${created.join(', ')}`);
      }
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** Outbox publishing, the outbox relay and batch consumption of `@OnEvent` handlers over kafkajs. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const kafka = createKafka(options.service, options.brokers);
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA_CLIENT, useValue: kafka },
        { provide: KAFKA_PRODUCER, useValue: createProducer(kafka) },
        { provide: EventPublisher, useClass: OutboxEventPublisher },
        { provide: PgListener, useValue: new PgListener(options.databaseUrl) },
        KafkaLifecycle,
        MessagingMetrics,
        MessagingHealth,
        OutboxRelay,
        KafkaConsumerHost,
        ProcessedEventsPruner,
      ],
      exports: [EventPublisher, MessagingHealth, OutboxRelay, ProcessedEventsPruner, PgListener, MESSAGING_OPTIONS],
    };
  }
}
