import type { TopicSettings } from './kafka/topics';

export interface MessagingOptions {
  /** The emitting service, used as the CloudEvents `source` (`/paritrana/<service>`). */
  service: string;
  brokers: string[];
  /** Postgres schema holding this service's outbox and processed-events tables. */
  schema: string;
  /** Postgres connection string used for the outbox relay's LISTEN connection. */
  databaseUrl: string;
  /** Kafka consumer group; one per service. */
  groupId: string;
  /** Create the contract's topics (and their `.dlq` twins) at start when missing. */
  createTopics: boolean;
  topics: TopicSettings;
  /** Events relayed at most in one batch, */
  relayBatchSize: number;
  /**
   * and at most this many bytes of their envelopes (the first always goes): a backlog of large events (whole boards)
   * is then held in memory a few megabytes at a time, several times over (the rows read, the messages encoded, compressed).
   */
  relayBatchBytes: number;
  relayIntervalMs: number;
  retry: { maxAttempts: number; initialDelayMs: number; maxDelayMs: number };
  /** A consumer silent this long (no fetch, heartbeat or handled message) is replaced by a new one. */
  consumerStallMs: number;
  /**
   * A partition stopped by an unknown failure (a bug, not the message's fault) is paused and its
   * event tried again after initialMs, doubling up to maxMs. Defaults: 1 s up to 5 min.
   */
  unknownFailurePause?: { initialMs: number; maxMs: number };
  /** processed_events rows older than this are pruned (the topics keep messages no longer). Default: 7 days. */
  processedEventsRetentionMs?: number;
  /** How often processed_events is pruned. Default: 1 hour. */
  processedEventsPruneIntervalMs?: number;
}

export const DEFAULT_UNKNOWN_FAILURE_PAUSE = { initialMs: 1_000, maxMs: 300_000 };
export const DEFAULT_PROCESSED_EVENTS_RETENTION_MS = 7 * 24 * 3_600_000;
export const DEFAULT_PROCESSED_EVENTS_PRUNE_INTERVAL_MS = 3_600_000;

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
