import { ALL_TOPICS, deadLetterTopic } from '@paritrana/contracts';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { TopicMessage } from './order';
import { until } from './processes';

export interface LoggedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

export interface TopicLog {
  topic: string;
  messages: number;
  /** Every message in offset order per partition, with the event id when it is readable. */
  positions: TopicMessage[];
  /** Messages that are not a JSON event with an id. */
  unreadable: number;
  events: LoggedEvent[];
}

/** Every message on `topic` from the beginning up to its current end, read by a group of its own. */
export async function readTopic(brokers: string[], topic: string): Promise<TopicLog> {
  const kafka = new Kafka({ clientId: 'fault-verifier', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  await admin.disconnect();
  const log: TopicLog = { topic, messages: 0, positions: [], unreadable: 0, events: [] };
  const remaining = new Map([...ends].filter(([, end]) => end > 0));
  if (remaining.size === 0) return log;
  const consumer = kafka.consumer({ groupId: `fault-verifier-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const end = ends.get(batch.partition) ?? 0;
      for (const message of batch.messages) {
        if (Number(message.offset) >= end) break;
        log.messages++;
        const position: TopicMessage = {
          topic,
          key: message.key?.toString() ?? '',
          partition: batch.partition,
          offset: Number(message.offset),
        };
        log.positions.push(position);
        try {
          const event = JSON.parse(message.value?.toString() ?? '') as LoggedEvent;
          if (typeof event.id === 'string') {
            log.events.push(event);
            position.id = event.id;
          } else log.unreadable++;
        } catch {
          log.unreadable++;
        }
        if (Number(message.offset) === end - 1) remaining.delete(batch.partition);
      }
    },
  });
  try {
    await until(`the end of ${topic}`, async () => remaining.size === 0, 120_000);
  } finally {
    await consumer.disconnect();
  }
  return log;
}

/** Messages on each `<topic>.dlq`. */
export async function deadLetterCounts(brokers: string[]): Promise<Record<string, number>> {
  const admin = new Kafka({ clientId: 'fault-verifier', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const counts: Record<string, number> = {};
    for (const topic of ALL_TOPICS.map(deadLetterTopic)) {
      const offsets = await admin.fetchTopicOffsets(topic);
      counts[topic] = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}
