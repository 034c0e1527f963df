import { ALL_TOPICS, deadLetterTopic } from '@paritrana/contracts';
import type { Admin } from 'kafkajs';

/** Creates every contract topic and its `.dlq` twin when missing; existing topics are left alone. */
export async function ensureTopics(admin: Admin, partitions: number): Promise<string[]> {
  const wanted = ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]);
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  }
  return missing;
}
