import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Topics } from '@paritrana/contracts';
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { BENCH_FETCH_WAIT_MS, PARTITIONS } from './infra';
import { offerAtRate } from './load';
import { percentile } from './timeline';

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

type Consumer = ReturnType<Kafka['consumer']>;
type Producer = ReturnType<Kafka['producer']>;

/**
 * A fresh topic on the broker with a producer and a consumer polling like the probe (20 ms), subscribed from the
 * beginning; all of it removed after `work`.
 */
async function onScratchTopic<T>(
  brokers: string[],
  name: string,
  work: (kafka: { topic: string; producer: Producer; consumer: Consumer }) => Promise<T>,
): Promise<T> {
  const kafka = new Kafka({ clientId: 'bench-baseline', brokers, logLevel: logLevel.ERROR });
  const topic = `bench.${name}.${process.pid}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: BENCH_FETCH_WAIT_MS });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    return await work({ topic, producer, consumer });
  } finally {
    await Promise.all([producer.disconnect(), consumer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

/**
 * Raw kafkajs on the same broker: the envelopes produced in batches of 1,000 (gzip, as the outbox
 * relay sends) to a fresh topic while a consumer reads them; messages per second from the first send
 * to the last message consumed.
 */
export function kafkaBaseline(brokers: string[], messages: RawMessage[]): Promise<number> {
  return onScratchTopic(brokers, 'baseline', async ({ topic, producer, consumer }) => {
    let consumed = 0;
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
    const started = Date.now();
    for (let i = 0; i < messages.length; i += 1_000) {
      await producer.send({ topic, compression: CompressionTypes.GZIP, messages: messages.slice(i, i + 1_000) });
    }
    const finished = await done;
    return messages.length / ((finished - started) / 1000);
  });
}

/** How the platform's latency phase offered its nominations, which the raw Kafka latency baseline repeats. */
export interface OfferedRate {
  perSecond: number;
  warmupSeconds: number;
}

/** Percentiles of the measured produce → consume latencies, and how many were measured. */
export interface KafkaLatency {
  p50: number;
  p99: number;
  samples: number;
}

const SEQ_HEADER = 'bench-seq';
const LATENCY_TIMEOUT_MS = 60_000;

/**
 * Raw kafkajs produce → consume latency on the same broker, at the rate and in the batches of the platform's
 * latency phase (open loop, gzip as the relay sends), to a fresh topic; a message's latency runs from just before
 * its batch is sent to its arrival at a consumer that polls like the probe. Those sent in the first
 * `warmupSeconds` are not measured.
 */
export function kafkaLatencyBaseline(brokers: string[], messages: RawMessage[], rate: OfferedRate): Promise<KafkaLatency> {
  return onScratchTopic(brokers, 'baseline-latency', async ({ topic, producer, consumer }) => {
    const sentAt: number[] = [];
    const latencies: number[] = [];
    let measureFrom = Infinity;
    let consumed = 0;
    const allConsumed = new Promise<void>((resolve) => {
      void consumer.run({
        partitionsConsumedConcurrently: PARTITIONS,
        eachBatch: async ({ batch }) => {
          const now = Date.now();
          for (const m of batch.messages) {
            const seq = Number(m.headers?.[SEQ_HEADER]?.toString());
            if (sentAt[seq] >= measureFrom) latencies.push(now - sentAt[seq]);
          }
          consumed += batch.messages.length;
          if (consumed >= messages.length) resolve();
        },
      });
    });
    await waitForAssignment(consumer);
    const numbered = messages.map((m, seq) => ({ ...m, headers: { [SEQ_HEADER]: String(seq) } }));
    measureFrom = Date.now() + rate.warmupSeconds * 1000;
    await offerAtRate(numbered, rate.perSecond, async (batch) => {
      const at = Date.now();
      for (const m of batch) sentAt[Number(m.headers[SEQ_HEADER])] = at;
      await producer.send({ topic, compression: CompressionTypes.GZIP, messages: batch });
    });
    await withTimeout(allConsumed, LATENCY_TIMEOUT_MS, () => `the latency baseline consumed ${consumed} of ${messages.length} messages`);
    latencies.sort((a, b) => a - b);
    return { p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), samples: latencies.length };
  });
}

/** What the latency baseline's thread is given. */
export interface KafkaLatencyJob {
  brokers: string[];
  messages: RawMessage[];
  rate: OfferedRate;
}

/**
 * kafkaLatencyBaseline on a thread of its own, as the probe measures the platform (RemoteProbe): what it measures is
 * not held up by the bench's own thread and its heap.
 */
export function kafkaLatencyBaselineOnThread(brokers: string[], messages: RawMessage[], rate: OfferedRate): Promise<KafkaLatency> {
  const job: KafkaLatencyJob = { brokers, messages, rate };
  const worker = new Worker(join(__dirname, 'kafka-latency-thread.js'), { workerData: job });
  return new Promise<KafkaLatency>((resolve, reject) => {
    worker.once('message', (reply: { latency?: KafkaLatency; error?: string }) =>
      reply.latency ? resolve(reply.latency) : reject(new Error(`The raw Kafka latency baseline failed: ${reply.error}`)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The raw Kafka latency baseline's thread exited (${code}) without a result`)));
  }).finally(() => void worker.terminate());
}

function withTimeout(promise: Promise<void>, ms: number, what: () => string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms / 1000} s: ${what()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function waitForAssignment(consumer: Consumer): Promise<void> {
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
