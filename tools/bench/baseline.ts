import { Topics } from '@paritrana/contracts';
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { PARTITIONS } from './infra';

interface RawMessage {
  key: string;
  value: string;
}

/** The nomination envelopes the platform carried in this run, read back raw from their topic. */
export async function readEnvelopes(brokers: string[], count: number): Promise<RawMessage[]> {
  const kafka = new Kafka({ clientId: 'bench-baseline', brokers, logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: `bench-envelopes-${process.pid}` });
  const messages: RawMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [Topics.Nominations], fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachBatch: async ({ batch }) => {
          for (const m of batch.messages) if (m.key && m.value) messages.push({ key: m.key.toString(), value: m.value.toString() });
          if (messages.length >= count) resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages.slice(0, count);
}

/**
 * Raw kafkajs on the same broker: the envelopes produced in batches of 1,000 (gzip, as the outbox
 * relay sends) to a fresh topic while a consumer reads them; messages per second from the first send
 * to the last message consumed.
 */
export async function kafkaBaseline(brokers: string[], messages: RawMessage[]): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-baseline', brokers, logLevel: logLevel.ERROR });
  const topic = `bench.baseline.${process.pid}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: 20 });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let consumed = 0;
    let started = 0;
    const done = new Promise<number>((resolve) => {
      void consumer.run({
        partitionsConsumedConcurrently: PARTITIONS,
        eachBatch: async ({ batch }) => {
          consumed += batch.messages.length;
          if (consumed >= messages.length) resolve(Date.now());
        },
      });
    });
    await waitForAssignment(consumer);
    started = Date.now();
    for (let i = 0; i < messages.length; i += 1_000) {
      await producer.send({ topic, compression: CompressionTypes.GZIP, messages: messages.slice(i, i + 1_000) });
    }
    const finished = await done;
    return messages.length / ((finished - started) / 1000);
  } finally {
    await Promise.all([producer.disconnect(), consumer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

function waitForAssignment(consumer: ReturnType<Kafka['consumer']>): Promise<void> {
  return new Promise((resolve) => {
    const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
      remove();
      resolve();
    });
  });
}

/**
 * Raw pg on the same database: the envelopes inserted into a scratch table shaped like an outbox,
 * 1,000 rows per INSERT on one connection; rows per second.
 */
export async function postgresBaseline(databaseUrl: string, messages: RawMessage[]): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_baseline (
      seq bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, message_key text NOT NULL, envelope json NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    const started = Date.now();
    for (let i = 0; i < messages.length; i += 1_000) {
      const chunk = messages.slice(i, i + 1_000);
      const params: string[] = [];
      const rows = chunk.map((m) => {
        params.push((JSON.parse(m.value) as { id: string }).id, m.key, m.value);
        return `($${params.length - 2}, $${params.length - 1}, $${params.length}::json)`;
      });
      await client.query(`INSERT INTO bench_baseline (event_id, message_key, envelope) VALUES ${rows.join(', ')}`, params);
    }
    return messages.length / ((Date.now() - started) / 1000);
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_baseline').catch(() => undefined);
    await client.end();
  }
}
