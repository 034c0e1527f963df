import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { Poller } from '@paritrana/platform/runtime/poller';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { MessagingMetrics } from '../messaging.metrics';
import { isTooLarge } from '../kafka/kafka-errors';
import { KAFKA_PRODUCER } from '../kafka/kafka.tokens';
import { claimOutboxBatch, deleteOutboxRows, outboxChannel, setAsideOutboxRow, takeRelayTurn, type OutboxRow } from './outbox.sql';

const RELISTEN_INITIAL_MS = 500;
const RELISTEN_MAX_MS = 5_000;
const RELAY_MAX_BACKOFF_MS = 10_000;

/**
 * Moves committed outbox rows to Kafka in batches, oldest first, and deletes them in the same
 * transaction once Kafka acknowledged them: a crash in between re-sends, never loses (consumers
 * deduplicate by id). With several replicas, one relays at a time (takeRelayTurn), so a key's
 * events reach their topic in the order they were written; the others stand by and take over at
 * the next turn when it stops.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly poller: Poller;
  private listener?: Client;
  private reconnect?: NodeJS.Timeout;
  private relistens = 0;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly metrics: MessagingMetrics,
  ) {
    this.poller = new Poller(async () => (await this.relayBatch()) === this.options.relayBatchSize, {
      name: OutboxRelay.name,
      intervalMs: this.options.relayIntervalMs,
      maxBackoffMs: RELAY_MAX_BACKOFF_MS,
      onError: (error, failures) => this.logger.warn(`Outbox relay failed (attempt ${failures}), retrying: ${error.message}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.poller.start();
    await this.listen().catch(async (error: Error) => {
      await this.poller.stop();
      throw error;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.reconnect);
    await this.poller.stop();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Relays whatever is committed now; returns when the outbox is empty or a send failed. */
  drain(): Promise<void> {
    return this.poller.runNow();
  }

  private async relayBatch(): Promise<number> {
    const { schema, relayBatchSize } = this.options;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows = (await takeRelayTurn(runner, schema)) ? await claimOutboxBatch(runner, schema, relayBatchSize) : [];
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
      return rows.length;
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

  /**
   * The LISTEN connection wakes the relay at each commit. When it breaks (a database restart), it is
   * reconnected with backoff, and the outbox drained once it is back: polling alone would leave
   * events waiting up to the poll interval after every reconnection.
   */
  private async listen(): Promise<void> {
    if (!this.poller.isRunning) return;
    const client = new Client({ connectionString: this.options.databaseUrl });
    const lost = (error?: Error) => {
      if (this.listener !== client || !this.poller.isRunning) return;
      this.listener = undefined;
      this.logger.warn(`Outbox LISTEN connection lost (${error?.message ?? 'closed'}); polling until it is back`);
      void client.end().catch(() => undefined);
      this.listenLater(RELISTEN_INITIAL_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.poller.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (!this.poller.isRunning) {
      await client.end();
      return;
    }
    this.listener = client;
    this.relistens = 0;
    this.poller.wake();
  }

  private listenLater(delayMs: number): void {
    if (!this.poller.isRunning) return;
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => {
      this.listen().catch((error: Error) => {
        this.relistens++;
        const backoff = Math.min(RELISTEN_INITIAL_MS * 2 ** this.relistens, RELISTEN_MAX_MS);
        this.logger.warn(`Outbox LISTEN reconnection failed (attempt ${this.relistens}), next in ${backoff} ms: ${error.message}`);
        this.listenLater(backoff);
      });
    }, delayMs);
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
