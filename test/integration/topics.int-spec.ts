import { Topics } from '@paritrana/contracts';
import { checkTopics, ensureTopics, MAX_MESSAGE_BYTES } from '@paritrana/messaging';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';

/** The contract's topics on a real broker (the lane's single one, where make start and the tests provision them). */
describe('topic settings (real Kafka)', () => {
  let admin: Admin;

  beforeAll(async () => {
    admin = new Kafka({ clientId: 'topics-test', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
  });

  it('should refuse to start when the existing topics are replicated less than configured, naming them and what to do', async () => {
    await expect(ensureTopics(admin, { partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 })).rejects.toThrow(
      /^Topics replicated less than KAFKA_REPLICATION_FACTOR=3: paritrana\.editions\.v1 \(1\), paritrana\.editions\.v1\.dlq \(1\), .*Raise their replication/,
    );
  });

  it('should refuse a minimum of in-sync replicas above the replication factor before touching the broker', async () => {
    await expect(ensureTopics(admin, { partitions: 3, replicationFactor: 1, minInsyncReplicas: 2 })).rejects.toThrow(
      'KAFKA_MIN_INSYNC_REPLICAS=2 is above KAFKA_REPLICATION_FACTOR=1',
    );
  });

  it('should find every topic in place, with its message size and in-sync minimum, when the settings match', async () => {
    expect(await ensureTopics(admin, { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 })).toEqual([]);

    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: Topics.Rankings, configNames: ['max.message.bytes', 'min.insync.replicas'] }],
    });
    expect(Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]))).toEqual({
      'max.message.bytes': String(MAX_MESSAGE_BYTES),
      'min.insync.replicas': '1',
    });
  });

  it('should check the topics without creating any when they are managed outside (KAFKA_CREATE_TOPICS=false)', async () => {
    await expect(checkTopics(admin, { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 })).resolves.toBeUndefined();
    await expect(checkTopics(admin, { partitions: 3, replicationFactor: 2, minInsyncReplicas: 1 })).rejects.toThrow(
      /^Topics replicated less than KAFKA_REPLICATION_FACTOR=2: /,
    );
  });
});
