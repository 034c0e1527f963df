import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { MessagingMetrics } from '../messaging.metrics';
import { isTooLarge } from '../kafka/kafka-errors';
import { KAFKA_PRODUCER } from '../kafka/kafka.tokens';
import { outboxChannel } from './outbox.sql';

const RELISTEN_INITIAL_MS = 500;
const RELISTEN_MAX_MS = 5_000;

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  event_type: string;
  /** As written (json keeps the text), so it is sent without being parsed and serialised again. */
  envelope: string;
}

/**
 * Moves committed outbox rows to Kafka in batches. Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so several replicas can relay side by side, and deleted in the same transaction once Kafka
 * acknowledged them: a crash in between re-sends, never loses (consumers deduplicate by id).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private reconnect?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private pending = false;
  private failures = 0;
  private relistens = 0;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly metrics: MessagingMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.listen();
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.reconnect);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays whatever is committed now; returns when the outbox is empty or a send failed. */
  async drain(): Promise<void> {
    if (!this.running) return;
    if (this.draining) {
      this.pending = true;
      return this.draining;
    }
    this.draining = this.drainLoop().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drainLoop(): Promise<void> {
    try {
      do {
        this.pending = false;
        while ((await this.relayBatch()) === this.options.relayBatchSize) {
          /* keep going while batches are full */
        }
      } while (this.pending && this.running);
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.logger.warn(`Outbox relay failed (attempt ${this.failures}), retrying: ${(error as Error).message}`);
    }
  }

  private async relayBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows: OutboxRow[] = await runner.query(
        `SELECT seq, topic, message_key, event_type, envelope::text AS envelope FROM "${this.options.schema}".outbox
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.relayBatchSize],
      );
      if (rows.length > 0) {
        try {
          await this.producer.sendBatch({ topicMessages: groupByTopic(rows), compression: CompressionTypes.GZIP });
        } catch (error) {
          if (!isTooLarge(error)) throw error;
          await this.sendOneByOne(runner, rows);
        }
        await runner.query(`DELETE FROM "${this.options.schema}".outbox WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
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
        await runner.query(
          `INSERT INTO "${this.options.schema}".outbox_dead (seq, event_id, topic, message_key, event_type, envelope, created_at, error)
           SELECT seq, event_id, topic, message_key, event_type, envelope, created_at, $2 FROM "${this.options.schema}".outbox WHERE seq = $1`,
          [row.seq, (error as Error).message],
        );
      }
    }
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.drain().then(() => {
        const backoff = Math.min(this.options.relayIntervalMs * 2 ** this.failures, 10_000);
        this.schedule(this.failures > 0 ? backoff : this.options.relayIntervalMs);
      });
    }, delayMs);
  }

  /**
   * The LISTEN connection wakes the relay at each commit. When it breaks (a database restart), it is
   * reconnected with backoff, and the outbox drained once it is back: polling alone would leave
   * events waiting up to the poll interval after every reconnection.
   */
  private async listen(): Promise<void> {
    if (!this.running) return;
    const client = new Client({ connectionString: this.options.databaseUrl });
    const lost = (error?: Error) => {
      if (this.listener !== client || !this.running) return;
      this.listener = undefined;
      this.logger.warn(`Outbox LISTEN connection lost (${error?.message ?? 'closed'}); polling until it is back`);
      void client.end().catch(() => undefined);
      this.listenLater(RELISTEN_INITIAL_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => void this.drain());
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (!this.running) {
      await client.end();
      return;
    }
    this.listener = client;
    this.relistens = 0;
    void this.drain();
  }

  private listenLater(delayMs: number): void {
    if (!this.running) return;
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
