import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Poller } from '@paritrana/platform/runtime/poller';
import { DataSource } from 'typeorm';
import { MessagingMetrics } from '../messaging.metrics';
import {
  DEFAULT_PROCESSED_EVENTS_PRUNE_INTERVAL_MS,
  DEFAULT_PROCESSED_EVENTS_RETENTION_MS,
  MESSAGING_OPTIONS,
  type MessagingOptions,
} from '../messaging.options';
import { pruneProcessedEvents } from '../outbox/outbox.sql';

/** Rows deleted in one statement, so pruning never holds long locks on the dedupe table. */
const PRUNE_BATCH = 5_000;

/**
 * Keeps processed_events (the consumer's dedupe records) from growing forever: a record older than
 * the topics' retention guards against a redelivery that can no longer happen.
 */
@Injectable()
export class ProcessedEventsPruner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProcessedEventsPruner.name);
  private readonly poller: Poller;
  private readonly retentionMs: number;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly metrics: MessagingMetrics,
  ) {
    this.retentionMs = options.processedEventsRetentionMs ?? DEFAULT_PROCESSED_EVENTS_RETENTION_MS;
    this.poller = new Poller(() => this.pruneBatch(), {
      name: ProcessedEventsPruner.name,
      intervalMs: options.processedEventsPruneIntervalMs ?? DEFAULT_PROCESSED_EVENTS_PRUNE_INTERVAL_MS,
      maxBackoffMs: 600_000,
    });
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Prunes now; resolves when nothing older than the retention is left. */
  pruneNow(): Promise<void> {
    return this.poller.runNow();
  }

  private async pruneBatch(): Promise<boolean> {
    const pruned = await pruneProcessedEvents(this.dataSource, this.options.schema, this.retentionMs, PRUNE_BATCH);
    if (pruned > 0) {
      this.metrics.processedEventsPruned.inc(pruned);
      this.logger.log(`Pruned ${pruned} processed-event records older than ${Math.round(this.retentionMs / 3_600_000)} h`);
    }
    return pruned === PRUNE_BATCH;
  }
}
