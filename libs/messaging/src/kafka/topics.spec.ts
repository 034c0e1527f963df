import { ALL_TOPICS, deadLetterTopic } from '@paritrana/contracts';
import type { Admin } from 'kafkajs';
import { checkTopics, ensureTopics } from './topics';

/** A cluster's topics as the admin client sees them: each name with its replicas per partition. */
function adminOver(topics: Map<string, number>) {
  const created: string[] = [];
  const admin = {
    listTopics: async () => [...topics.keys()],
    fetchTopicMetadata: async ({ topics: names }: { topics: string[] }) => ({
      topics: names.map((name) => ({ name, partitions: [{ replicas: Array.from({ length: topics.get(name)! }, (_, i) => i) }] })),
    }),
    createTopics: async ({ topics: wanted }: { topics: Array<{ topic: string; replicationFactor: number }> }) => {
      for (const { topic, replicationFactor } of wanted) {
        topics.set(topic, replicationFactor);
        created.push(topic);
      }
      return true;
    },
  };
  return { admin: admin as unknown as Admin, created };
}

const EVERY_TOPIC = ALL_TOPICS.flatMap((t) => [t, deadLetterTopic(t)]);
const SETTINGS = { partitions: 6, replicationFactor: 3, minInsyncReplicas: 2 };

describe('checkTopics (KAFKA_CREATE_TOPICS=false)', () => {
  it('should pass, creating nothing, when every topic is there and replicated as configured', async () => {
    const { admin, created } = adminOver(new Map(EVERY_TOPIC.map((t) => [t, 3])));

    await expect(checkTopics(admin, SETTINGS)).resolves.toBeUndefined();
    expect(created).toEqual([]);
  });

  it('should refuse to start when a topic is missing, naming it and what to do, and create nothing', async () => {
    const [first, ...rest] = EVERY_TOPIC;
    const { admin, created } = adminOver(new Map(rest.map((t) => [t, 3])));

    await expect(checkTopics(admin, SETTINGS)).rejects.toThrow(`Topics missing: ${first}. Create them`);
    expect(created).toEqual([]);
  });

  it('should refuse to start when a topic is replicated less than configured', async () => {
    const { admin } = adminOver(new Map(EVERY_TOPIC.map((t, i) => [t, i === 0 ? 1 : 3])));

    await expect(checkTopics(admin, SETTINGS)).rejects.toThrow(
      `Topics replicated less than KAFKA_REPLICATION_FACTOR=3: ${EVERY_TOPIC[0]} (1). Raise their replication`,
    );
  });
});

describe('ensureTopics (KAFKA_CREATE_TOPICS=true)', () => {
  it('should create only the missing topics, then check them all', async () => {
    const { admin, created } = adminOver(new Map(EVERY_TOPIC.slice(1).map((t) => [t, 3])));

    expect(await ensureTopics(admin, SETTINGS)).toEqual([EVERY_TOPIC[0]]);
    expect(created).toEqual([EVERY_TOPIC[0]]);
  });
});
