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
  partitions: number;
  relayBatchSize: number;
  relayIntervalMs: number;
  retry: { maxAttempts: number; initialDelayMs: number; maxDelayMs: number };
  /** A consumer silent this long (no fetch, heartbeat or handled message) is replaced by a new one. */
  consumerStallMs: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
