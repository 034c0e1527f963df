import { ALL_TOPICS, deadLetterTopic } from '@paritrana/contracts';
import type { Admin } from 'kafkajs';

/** Published boards carry every standing; compressed, a national board fits in this. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Creates every contract topic and its `.dlq` twin when missing; existing topics are left alone. */
export async function ensureTopics(admin: Admin, partitions: number): Promise<string[]> {
  const wanted = ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]);
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: 1,
        configEntries: [{ name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) }],
      })),
    });
  }
  return missing;
}
