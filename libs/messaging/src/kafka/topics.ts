import { ALL_TOPICS, deadLetterTopic } from '@paritrana/contracts';
import type { Admin } from 'kafkajs';

/** Published boards carry every standing; compressed, a national board fits in this. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** How the contract's topics are made: KAFKA_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS, KAFKA_RETENTION_HOURS. */
export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  /** Unset: the broker's default. */
  retentionMs?: number;
}

/** The settings of a single development broker. */
export const SINGLE_BROKER_TOPICS = (partitions: number): TopicSettings => ({ partitions, replicationFactor: 1, minInsyncReplicas: 1 });

const WANTED = ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]);

/**
 * Creates every contract topic and its `.dlq` twin when missing (another process creating it at the
 * same moment is fine), then checks them (`checkTopics`). Returns the topics it created.
 */
export async function ensureTopics(admin: Admin, settings: TopicSettings): Promise<string[]> {
  refuseImpossible(settings);
  const existing = new Set(await admin.listTopics());
  const missing = WANTED.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions,
          replicationFactor: settings.replicationFactor,
          configEntries: [
            { name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) },
            { name: 'min.insync.replicas', value: String(settings.minInsyncReplicas) },
            ...(settings.retentionMs ? [{ name: 'retention.ms', value: String(settings.retentionMs) }] : []),
          ],
        })),
      });
    } catch (error) {
      if (!createdMeanwhile(error)) throw error;
    }
  }
  await checkTopics(admin, settings);
  return missing;
}

/**
 * Changes nothing: refuses to go on when a contract topic or its `.dlq` twin is missing (KAFKA_CREATE_TOPICS=false
 * leaves them to whoever manages the cluster), or when any is replicated less than configured: acknowledged events
 * would not survive the broker failures the deployment counts on.
 */
export async function checkTopics(admin: Admin, settings: TopicSettings): Promise<void> {
  refuseImpossible(settings);
  const existing = new Set(await admin.listTopics());
  const missing = WANTED.filter((topic) => !existing.has(topic));
  if (missing.length > 0)
    throw new Error(
      `Topics missing: ${missing.join(', ')}. Create them (the KafkaTopic resources of deploy/k8s, or kafka-topics.sh) ` +
        'or start with KAFKA_CREATE_TOPICS=true.',
    );
  const { topics } = await admin.fetchTopicMetadata({ topics: WANTED });
  const under = topics
    .map(({ name, partitions }) => ({ name, replicas: Math.min(...partitions.map((p) => p.replicas.length)) }))
    .filter((t) => t.replicas < settings.replicationFactor)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (under.length > 0)
    throw new Error(
      `Topics replicated less than KAFKA_REPLICATION_FACTOR=${settings.replicationFactor}: ${under.map((t) => `${t.name} (${t.replicas})`).join(', ')}. ` +
        'Raise their replication (kafka-reassign-partitions, or the KafkaTopic resources) or lower KAFKA_REPLICATION_FACTOR.',
    );
}

function refuseImpossible(settings: TopicSettings): void {
  if (settings.minInsyncReplicas > settings.replicationFactor)
    throw new Error(
      `KAFKA_MIN_INSYNC_REPLICAS=${settings.minInsyncReplicas} is above KAFKA_REPLICATION_FACTOR=${settings.replicationFactor}: no write could ever be acknowledged`,
    );
}

/** A replica booting beside this one created the same topics first. */
function createdMeanwhile(error: unknown): boolean {
  const errors = (error as { errors?: Array<{ type?: string }> }).errors ?? [error as { type?: string }];
  return errors.length > 0 && errors.every((e) => e?.type === 'TOPIC_ALREADY_EXISTS');
}
