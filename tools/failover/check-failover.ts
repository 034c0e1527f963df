// `npm run check:failover`: the services' own producer (libs/messaging: idempotent, acks all, the
// patched kafkajs) against a 3-node KRaft cluster from the project's jars. Each run produces batches
// like the outbox relay's, SIGKILLs the leader of partition 0 midway, restarts it, then reads the
// topic back and counts what was acknowledged but is missing (lost) and what is there twice.
// Environment: RUNS (default 3), RUN_MS (20000), KILL_AT_MS (6000). Exits 1 when anything was lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompressionTypes, logLevel, Kafka } from 'kafkajs';
import { sleep, startKafkaCluster, type KafkaCluster } from '@paritrana/infra';
import { createKafka } from '@paritrana/messaging';
import { createProducer } from '@paritrana/messaging/kafka/kafka-producer';

const RUNS = Number(process.env.RUNS ?? 3);
const RUN_MS = Number(process.env.RUN_MS ?? 20_000);
const KILL_AT_MS = Number(process.env.KILL_AT_MS ?? 6_000);
const PARTITIONS = 6;
const BATCH = 20;

interface RunResult {
  victim: number;
  acked: number;
  failedBatches: number;
  lost: number;
  duplicated: number;
  maxStallMs: number;
}

async function oneRun(cluster: KafkaCluster, run: number): Promise<RunResult> {
  const topic = `failover.check.${Date.now()}.${run}`;
  const admin = new Kafka({ clientId: 'failover-check', brokers: cluster.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }],
  });
  await admin.disconnect();
  const victim = await cluster.leaderOf(topic, 0);

  const producer = createProducer(createKafka('failover-check', cluster.brokers));
  await producer.connect();
  const acked = new Set<number>();
  let failedBatches = 0;
  let seq = 0;
  let pending: number[] = [];
  let lastAck = performance.now();
  let maxStallMs = 0;
  const start = performance.now();
  const kill = setTimeout(() => void cluster.kill(victim), KILL_AT_MS);
  while (performance.now() - start < RUN_MS) {
    // as the relay: a failed batch is sent again (its rows stay in the outbox), with new rows behind it
    const batch = [...pending, ...Array.from({ length: BATCH - Math.min(pending.length, BATCH) }, () => ++seq)];
    try {
      await producer.sendBatch({
        compression: CompressionTypes.GZIP,
        topicMessages: [{ topic, messages: batch.map((s) => ({ key: `k${s % 50}`, value: String(s) })) }],
      });
      batch.forEach((s) => acked.add(s));
      pending = [];
      maxStallMs = Math.max(maxStallMs, performance.now() - lastAck);
      lastAck = performance.now();
    } catch {
      failedBatches++;
      pending = batch;
    }
    await sleep(20);
  }
  clearTimeout(kill);
  await producer.disconnect();
  await cluster.restart(victim);

  const counts = await readBack(cluster.brokers, topic);
  const lost = [...acked].filter((s) => !counts.has(s)).length;
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  return { victim, acked: acked.size, failedBatches, lost, duplicated, maxStallMs: Math.round(maxStallMs) };
}

/** Every value on the topic and how often it is there, read to the high-water marks with a fresh group. */
async function readBack(brokers: string[], topic: string): Promise<Map<number, number>> {
  const kafka = new Kafka({ clientId: 'failover-check-read', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const total = (await admin.fetchTopicOffsets(topic)).reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `failover-check-read-${topic}` });
  const counts = new Map<number, number>();
  let read = 0;
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const s = Number(message.value?.toString());
      counts.set(s, (counts.get(s) ?? 0) + 1);
      read++;
    },
  });
  const deadline = Date.now() + 60_000;
  while (read < total && Date.now() < deadline) await sleep(200);
  await consumer.disconnect();
  return counts;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-failover-'));
  const cluster = await startKafkaCluster({ nodes: 3, dataDir });
  const results: RunResult[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const result = await oneRun(cluster, run);
      results.push(result);
      console.log(`run ${run}: ${JSON.stringify(result)}`);
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const sum = (key: keyof RunResult) => results.reduce((n, r) => n + r[key], 0);
  const summary = { runs: results.length, acked: sum('acked'), lost: sum('lost'), duplicated: sum('duplicated') };
  console.log(JSON.stringify(summary));
  process.exit(summary.lost > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
