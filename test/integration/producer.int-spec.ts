import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { createProducer } from '../../libs/messaging/src/kafka/kafka-producer';

/** The services' producer on a real broker: after a failed send it never reuses the failed producer's sequence numbers. */
describe('the services’ producer (real Kafka)', () => {
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  const topic = `producer-test-${randomUUID().slice(0, 8)}`;
  /** The producer ids the broker handed out, from kafkajs' own log. */
  const producerIds: number[] = [];
  const kafka = new Kafka({
    clientId: 'producer-test',
    brokers,
    logLevel: logLevel.DEBUG,
    logCreator:
      () =>
      ({ log }) => {
        if (log.message === 'Initialized producer id & epoch') producerIds.push(Number(log.producerId));
      },
  });
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'max.message.bytes', value: '2000' }] }],
    });
    producer = createProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('should send through a new producer id after a send the broker refused, and deliver what follows', async () => {
    await producer.send({ topic, messages: [{ key: 'k', value: 'first' }] });
    expect(producerIds).toHaveLength(1);

    await expect(producer.send({ topic, messages: [{ key: 'k', value: 'x'.repeat(4_000) }] })).rejects.toThrow();
    await producer.send({ topic, messages: [{ key: 'k', value: 'after' }] });

    expect(producerIds).toHaveLength(2);
    expect(producerIds[1]).not.toBe(producerIds[0]);
    const [{ high }] = await admin.fetchTopicOffsets(topic);
    expect(Number(high)).toBe(2);
  });
});
