import type { EntityManager, QueryRunner } from 'typeorm';

export const outboxChannel = (schema: string) => `${schema}_outbox`;

/** DDL for the messaging tables, called from each service's own migration. */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE TABLE "${schema}".outbox (
    seq bigserial PRIMARY KEY,
    event_id uuid NOT NULL UNIQUE,
    topic text NOT NULL,
    message_key text NOT NULL,
    event_type text NOT NULL,
    envelope json NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`);
  await runner.query(`CREATE TABLE "${schema}".outbox_dead (
    seq bigint PRIMARY KEY,
    event_id uuid NOT NULL,
    topic text NOT NULL,
    message_key text NOT NULL,
    event_type text NOT NULL,
    envelope json NOT NULL,
    created_at timestamptz NOT NULL,
    error text NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
  )`);
  await runner.query(`CREATE TABLE "${schema}".processed_events (
    event_id uuid PRIMARY KEY,
    event_type text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/** Lets the pruning of processed_events find old rows without reading the whole table. */
export async function indexProcessedEventsByTime(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE INDEX processed_events_by_time ON "${schema}".processed_events (processed_at)`);
}

export async function dropProcessedEventsByTime(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP INDEX "${schema}".processed_events_by_time`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".processed_events`);
  await runner.query(`DROP TABLE "${schema}".outbox_dead`);
  await runner.query(`DROP TABLE "${schema}".outbox`);
}

export interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  event_type: string;
  /** As written (json keeps the text), so it is sent without being parsed and serialised again. */
  envelope: string;
}

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Takes the service's relay turn for the length of the caller's transaction and, when it got it, the oldest committed
 * rows no other relay holds, locked until that transaction ends: at most `limit` rows, and no more of them than fit in
 * `maxBytes` of envelopes (the first always comes). `full` says more may be waiting. One replica relays at a time, so
 * batches go out one after another in outbox order whatever the number of replicas (per-key order on every topic); the
 * others, without the turn, claim nothing.
 */
export const claimOutboxBatch = async (
  runner: Queryable,
  schema: string,
  limit: number,
  maxBytes: number,
): Promise<{ rows: OutboxRow[]; full: boolean }> => {
  const claimed: Array<OutboxRow & { through: string }> = await runner.query(
    `WITH turn AS (
       SELECT pg_try_advisory_xact_lock(hashtext($3)) AS granted
     ), head AS (
       SELECT seq, octet_length(envelope::text) AS size FROM "${schema}".outbox WHERE (SELECT granted FROM turn) ORDER BY seq LIMIT $1
     ), running AS (
       SELECT seq, sum(size) OVER (ORDER BY seq) AS through, size FROM head
     )
     SELECT o.seq, o.topic, o.message_key, o.event_type, o.envelope::text AS envelope, r.through
     FROM "${schema}".outbox o JOIN running r USING (seq)
     WHERE r.through - r.size < $2
     ORDER BY o.seq FOR UPDATE OF o SKIP LOCKED`,
    [limit, maxBytes, `paritrana.outbox.${schema}`],
  );
  const last = claimed.at(-1);
  const rows = claimed.map(({ through: _through, ...row }) => row);
  return { rows, full: rows.length === limit || (last !== undefined && Number(last.through) >= maxBytes) };
};

export const deleteOutboxRows = async (runner: Queryable, schema: string, seqs: string[]): Promise<void> => {
  await runner.query(`DELETE FROM "${schema}".outbox WHERE seq = ANY($1::bigint[])`, [seqs]);
};

/** Copies a row the broker refuses to outbox_dead; it leaves the outbox with its batch. */
export const setAsideOutboxRow = async (runner: Queryable, schema: string, seq: string, error: string): Promise<void> => {
  await runner.query(
    `INSERT INTO "${schema}".outbox_dead (seq, event_id, topic, message_key, event_type, envelope, created_at, error)
     SELECT seq, event_id, topic, message_key, event_type, envelope, created_at, $2 FROM "${schema}".outbox WHERE seq = $1`,
    [seq, error],
  );
};

/** Forgets processed events older than the topics keep messages: none of them can be redelivered. */
export const pruneProcessedEvents = async (runner: Queryable, schema: string, olderThanMs: number, limit: number): Promise<number> => {
  // Through a CTE: TypeORM returns a DELETE's rows in a different shape from a SELECT's.
  const [{ n }]: { n: number }[] = await runner.query(
    `WITH gone AS (
       DELETE FROM "${schema}".processed_events WHERE event_id IN (
         SELECT event_id FROM "${schema}".processed_events WHERE processed_at < now() - make_interval(secs => $1) LIMIT $2
       ) RETURNING 1
     ) SELECT count(*)::int AS n FROM gone`,
    [olderThanMs / 1000, limit],
  );
  return n;
};
