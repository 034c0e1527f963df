import { query } from './db';
import type { WrittenEvent } from './order';

/**
 * The events carry no outbox sequence, and the relay deletes each row once Kafka has acknowledged
 * it. So that the run can check afterwards that every deleted row is on its topic, in its key's
 * order of writing, a trigger on every service's outbox copies each row's sequence, event id,
 * topic and key into fault_audit.outbox_log, in the writing transaction (a rolled-back row leaves
 * no copy). Installed once the services have migrated, before any event of the run is written.
 */
export async function installOutboxLog(databaseUrl: string): Promise<string[]> {
  const schemas = await outboxSchemas(databaseUrl);
  if (schemas.length === 0) throw new Error('No outbox table found: have the services migrated?');
  const statements = [
    `CREATE SCHEMA IF NOT EXISTS fault_audit`,
    `CREATE TABLE IF NOT EXISTS fault_audit.outbox_log (
       writer text NOT NULL,
       seq bigint NOT NULL,
       event_id uuid NOT NULL,
       topic text NOT NULL,
       message_key text NOT NULL,
       PRIMARY KEY (writer, seq)
     )`,
    `CREATE OR REPLACE FUNCTION fault_audit.log_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO fault_audit.outbox_log (writer, seq, event_id, topic, message_key)
       VALUES (TG_TABLE_SCHEMA, NEW.seq, NEW.event_id, NEW.topic, NEW.message_key);
       RETURN NEW;
     END $$`,
    ...schemas.flatMap((schema) => [
      `DROP TRIGGER IF EXISTS fault_outbox_log ON "${schema}".outbox`,
      `CREATE TRIGGER fault_outbox_log AFTER INSERT ON "${schema}".outbox FOR EACH ROW EXECUTE FUNCTION fault_audit.log_outbox()`,
    ]),
  ];
  for (const sql of statements) await query(databaseUrl, sql);
  return schemas;
}

/** What the outbox trigger recorded, and the rows still in an outbox or set aside in outbox_dead. */
export async function readOutboxLog(databaseUrl: string): Promise<{ written: WrittenEvent[]; queued: string[]; setAside: string[] }> {
  const written = (
    await query<{ writer: string; seq: string; id: string; topic: string; key: string }>(
      databaseUrl,
      `SELECT writer, seq::text AS seq, event_id::text AS id, topic, message_key AS key FROM fault_audit.outbox_log ORDER BY writer, seq`,
    )
  ).map((r) => ({ ...r, seq: Number(r.seq) }));
  const queued: string[] = [];
  const setAside: string[] = [];
  for (const schema of await outboxSchemas(databaseUrl)) {
    for (const r of await query<{ id: string }>(databaseUrl, `SELECT event_id::text AS id FROM "${schema}".outbox`)) queued.push(r.id);
    for (const r of await query<{ id: string }>(databaseUrl, `SELECT event_id::text AS id FROM "${schema}".outbox_dead`))
      setAside.push(r.id);
  }
  return { written, queued, setAside };
}

async function outboxSchemas(databaseUrl: string): Promise<string[]> {
  return (
    await query<{ schema: string }>(
      databaseUrl,
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_schema <> 'fault_audit' ORDER BY 1`,
    )
  ).map((r) => r.schema);
}
