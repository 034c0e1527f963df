import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaJSConnectionError, Partitioners, type Message } from 'kafkajs';
import { assertKafkajsPatched, kafkajsSendMessagesPath } from './kafka-producer';

// The patched kafkajs module, driven with in-memory brokers: the retry after a leader dies is the
// code patches/kafkajs+2.2.4.patch changes (acknowledgements per partition, not per broker).
const load = createRequire(__filename);
type SendMessages = (options: object) => (request: object) => Promise<RecordMetadata[]>;
type Retrier = (options: object) => (fn: (bail: (e: Error) => void, count: number, time: number) => Promise<unknown>) => Promise<never>;
const createSendMessages = load('kafkajs/src/producer/sendMessages') as SendMessages;
const createRetry = load('kafkajs/src/retry') as Retrier;

interface RecordMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  baseOffset: string;
}
interface ProduceRequest {
  topicData: { topic: string; partitions: { partition: number; firstSequence: number; messages: Message[] }[] }[];
}

const TOPIC = 'paritrana.test.v1';

/** Six partitions on three brokers; a broker listed in `dead` refuses connections, and a metadata refresh moves its partitions. */
function fakeCluster(options: { partitions?: number; metadataGaps?: number } = {}) {
  const partitions = options.partitions ?? 6;
  let leaders = Array.from({ length: partitions }, (_, p) => (p % 3) + 1);
  let gaps = options.metadataGaps ?? 0;
  const dead = new Set<number>();
  const written: { broker: number; partition: number; firstSequence: number; values: string[] }[] = [];
  const requests: { broker: number; partitions: number[] }[] = [];
  let refreshes = 0;

  const broker = (nodeId: number) => ({
    nodeId,
    produce: async ({ topicData }: ProduceRequest) => {
      requests.push({ broker: nodeId, partitions: topicData.flatMap((t) => t.partitions.map((p) => p.partition)) });
      await new Promise((resolve) => setImmediate(resolve));
      if (dead.has(nodeId)) throw new KafkaJSConnectionError(`Connection error: broker ${nodeId} is gone`);
      return {
        topics: topicData.map(({ topic, partitions: parts }) => ({
          topicName: topic,
          partitions: parts.map(({ partition, firstSequence, messages }) => {
            written.push({ broker: nodeId, partition, firstSequence, values: messages.map((m) => String(m.value)) });
            return { partition, errorCode: 0, baseOffset: String(written.length), logAppendTime: '-1', logStartOffset: '0' };
          }),
        })),
      };
    },
  });
  const brokers = new Map([1, 2, 3].map((id) => [id, broker(id)]));

  const cluster = {
    targetTopics: new Set([TOPIC]),
    addMultipleTargetTopics: async () => undefined,
    refreshMetadataIfNecessary: async () => undefined,
    refreshMetadata: async () => {
      refreshes++;
      // the controller moves the dead brokers' partitions to the next live one
      leaders = leaders.map((leader) => {
        if (!dead.has(leader)) return leader;
        return [1, 2, 3].find((id) => !dead.has(id)) ?? leader;
      });
    },
    isConnected: () => true,
    removeBroker: () => undefined,
    findTopicPartitionMetadata: () => leaders.map((leader, partitionId) => ({ partitionId, leader, partitionErrorCode: 0 })),
    findLeaderForPartitions: (_topic: string, wanted: number[]) => {
      const result: Record<string, number[]> = {};
      let known = cluster.findTopicPartitionMetadata();
      if (gaps > 0) {
        gaps--;
        known = known.slice(0, -1); // the last partition missing, as in a metadata response without it
      }
      for (const partition of wanted) {
        const metadata = known.find((m) => m.partitionId === Number(partition));
        if (!metadata) continue; // as kafkajs: a partition without metadata is left out
        (result[metadata.leader] ??= []).push(Number(partition));
      }
      return result;
    },
    findBroker: async ({ nodeId }: { nodeId: string | number }) => brokers.get(Number(nodeId))!,
  };

  return {
    cluster,
    dead,
    written,
    requests,
    refreshes: () => refreshes,
    leaders: () => leaders,
  };
}

/** Sequence bookkeeping as kafkajs' idempotent producer keeps it (per topic-partition), without its locks. */
function fakeEosManager() {
  const sequences = new Map<string, number>();
  return {
    isTransactional: () => false,
    acquireBrokerLock: async () => undefined,
    releaseBrokerLock: async () => undefined,
    getProducerId: () => 7,
    getProducerEpoch: () => 0,
    getTransactionalId: () => undefined,
    getSequence: (topic: string, partition: number) => sequences.get(`${topic}/${partition}`) ?? 0,
    updateSequence: (topic: string, partition: number, increment: number) =>
      sequences.set(`${topic}/${partition}`, (sequences.get(`${topic}/${partition}`) ?? 0) + increment),
  };
}

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function sender(fake: ReturnType<typeof fakeCluster>, partitioner = Partitioners.DefaultPartitioner()) {
  return createSendMessages({
    logger,
    cluster: fake.cluster,
    partitioner,
    eosManager: fakeEosManager(),
    retrier: createRetry({ retries: 5, initialRetryTime: 1, maxRetryTime: 5 }),
  });
}

const keyed = (n: number): Message[] => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: String(i) }));

const send = (
  fake: ReturnType<typeof fakeCluster>,
  messages: Message[],
  partitioner?: ReturnType<typeof Partitioners.DefaultPartitioner>,
) => sender(fake, partitioner)({ acks: -1, timeout: 30_000, topicMessages: [{ topic: TOPIC, messages }] });

const writtenValues = (fake: ReturnType<typeof fakeCluster>) => fake.written.flatMap((w) => w.values).sort((a, b) => Number(a) - Number(b));

describe('kafkajs sendMessages, as patched', () => {
  it('resends the partitions of a dead leader to the broker that took them over, although that broker had answered', async () => {
    const fake = fakeCluster();
    const messages = keyed(40);
    fake.dead.add(3); // broker 3 led partitions 2 and 5; they move to broker 1, which answers for 0 and 3

    const metadata = await send(fake, messages);

    expect(fake.leaders()).toEqual([1, 2, 1, 1, 2, 1]);
    expect(writtenValues(fake)).toEqual(messages.map((m) => m.value).sort((a, b) => Number(a) - Number(b)));
    expect(metadata.map((m) => m.partition).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // the retry went to broker 1 again, with only the partitions it had not acknowledged
    expect(fake.requests.filter((r) => r.broker === 1).map((r) => r.partitions.sort())).toEqual([
      [0, 3],
      [2, 5],
    ]);
  });

  it('gives the retried partitions the sequence numbers of their failed request, so that an idempotent broker can drop a replay', async () => {
    const fake = fakeCluster();
    fake.dead.add(3);

    await send(fake, keyed(40));

    for (const partition of [2, 5]) {
      const writes = fake.written.filter((w) => w.partition === partition);
      expect(writes.map((w) => w.firstSequence)).toEqual([0]);
    }
  });

  it('keeps each message on the partition it was first given, so a retry cannot hide one behind an acknowledged partition', async () => {
    const fake = fakeCluster();
    fake.dead.add(2);
    let next = 0;
    // a round robin, as kafkajs uses for messages without a key: a second grouping would differ from the first
    const roundRobin = () => () => next++ % 6;

    const messages = Array.from({ length: 12 }, (_, i) => ({ value: String(i) }));
    await send(fake, messages, roundRobin());

    expect(writtenValues(fake)).toEqual(messages.map((m) => m.value));
    for (const { partition, values } of fake.written) expect(values.every((v) => Number(v) % 6 === partition)).toBe(true);
  });

  it('does not resolve while the metadata lacks a partition that messages were given', async () => {
    const fake = fakeCluster({ metadataGaps: 2 });
    const messages = keyed(40);

    const metadata = await send(fake, messages);

    expect(writtenValues(fake)).toHaveLength(40);
    expect(new Set(metadata.map((m) => m.partition)).size).toBe(6);
    expect(fake.refreshes()).toBeGreaterThan(0);
  });

  it('fails, rather than resolves, when a partition never finds a live leader', async () => {
    const fake = fakeCluster();
    fake.dead.add(1);
    fake.dead.add(2);
    fake.dead.add(3);

    await expect(send(fake, keyed(10))).rejects.toThrow(/broker \d is gone/);
  });
});

describe('the kafkajs install', () => {
  it('carries the patch: the producer refuses to start without it', () => {
    expect(() => assertKafkajsPatched()).not.toThrow();
  });

  it('is checked: an unpatched copy is refused with a pointer to the fix', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kafkajs-')), 'sendMessages.js');
    writeFileSync(path, 'module.exports = () => undefined\n');
    expect(() => assertKafkajsPatched(path)).toThrow(/patches\/.*npm ci/);
    expect(kafkajsSendMessagesPath()).toMatch(/node_modules\/kafkajs\/src\/producer\/sendMessages\.js$/);
  });
});
