import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, type Producer } from 'kafkajs';
import { DataSource, type QueryRunner } from 'typeorm';
import { PgListener } from '@paritrana/platform/runtime/pg-listener';
import { Poller } from '@paritrana/platform/runtime/poller';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { MessagingMetrics } from '../messaging.metrics';
import { isTooLarge } from '../kafka/kafka-errors';
import { KAFKA_PRODUCER } from '../kafka/kafka.tokens';
import { claimOutboxBatch, deleteOutboxRows, outboxChannel, setAsideOutboxRow, type OutboxRow } from './outbox.sql';

const RELAY_MAX_BACKOFF_MS = 10_000;

/**
 * Moves committed outbox rows to Kafka in batches, oldest first, and deletes them in the same
 * transaction once Kafka acknowledged them: a crash in between re-sends, never loses (consumers
 * deduplicate by id). With several replicas, one relays at a time (claimOutboxBatch), so a key's
 * events reach their topic in the order they were written; the others stand by and take over at
 * the next turn when it stops.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly poller: Poller;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly metrics: MessagingMetrics,
    private readonly listener: PgListener,
  ) {
    this.poller = new Poller(() => this.relayBatch(), {
      name: OutboxRelay.name,
      intervalMs: this.options.relayIntervalMs,
      maxBackoffMs: RELAY_MAX_BACKOFF_MS,
      onError: (error, failures) => this.logger.warn(`Outbox relay failed (attempt ${failures}), retrying: ${error.message}`),
    });
  }

  /** Woken at each commit that wrote to the outbox (and after the LISTEN connection broke), polling between. */
  async onApplicationBootstrap(): Promise<void> {
    this.poller.start();
    await this.listener
      .listen(outboxChannel(this.options.schema), () => this.poller.wake())
      .catch(async (error: Error) => {
        await this.poller.stop();
        throw error;
      });
    this.poller.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Relays whatever is committed now; returns when the outbox is empty or a send failed. */
  drain(): Promise<void> {
    return this.poller.runNow();
  }

  /** Relays one batch; true when the outbox may hold more. */
  private async relayBatch(): Promise<boolean> {
    const { schema, relayBatchSize, relayBatchBytes } = this.options;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const { rows, full } = await claimOutboxBatch(runner, schema, relayBatchSize, relayBatchBytes);
      if (rows.length > 0) {
        try {
          await this.producer.sendBatch({ topicMessages: groupByTopic(rows), compression: CompressionTypes.GZIP });
        } catch (error) {
          if (!isTooLarge(error)) throw error;
          await this.sendOneByOne(runner, rows);
        }
        await deleteOutboxRows(
          runner,
          schema,
          rows.map((r) => r.seq),
        );
      }
      await runner.commitTransaction();
      this.metrics.published.inc(rows.length);
      return full;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * A message the broker refuses as too large would block every event behind it; it is moved to
   * outbox_dead (kept for inspection, logged) and the others are sent.
   */
  private async sendOneByOne(runner: QueryRunner, rows: OutboxRow[]): Promise<void> {
    for (const row of rows) {
      try {
        await this.producer.sendBatch({ topicMessages: groupByTopic([row]), compression: CompressionTypes.GZIP });
      } catch (error) {
        if (!isTooLarge(error)) throw error;
        this.logger.error(
          `Event ${row.event_type} #${row.seq} is larger than the broker accepts; moved to ${this.options.schema}.outbox_dead`,
        );
        await setAsideOutboxRow(runner, this.options.schema, row.seq, (error as Error).message);
      }
    }
  }
}

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: row.envelope,
      headers: { ce_type: row.event_type, 'content-type': 'application/cloudevents+json' },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
