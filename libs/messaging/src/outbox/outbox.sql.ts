import type { QueryRunner } from 'typeorm';

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

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".processed_events`);
  await runner.query(`DROP TABLE "${schema}".outbox_dead`);
  await runner.query(`DROP TABLE "${schema}".outbox`);
}
