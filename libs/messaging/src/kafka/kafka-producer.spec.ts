import type { Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';
import { fencedProducer } from './kafka-producer';

/** kafkajs producers in memory, numbered as they are made: each records its calls and fails the sends it is told to. */
function fakeProducers() {
  const calls: string[] = [];
  const failures: Error[] = [];
  const connectFailures: Error[] = [];
  let made = 0;
  let hold = false;
  let release: (() => void) | undefined;
  const create = (): Producer => {
    const n = ++made;
    const answer = async (what: string, acks: number | undefined): Promise<RecordMetadata[]> => {
      calls.push(`#${n} ${what} acks=${acks}`);
      if (failures.length > 0) throw failures.shift();
      if (!hold) return [];
      hold = false;
      await new Promise<void>((resolve) => (release = resolve));
      calls.push(`#${n} ${what} done`);
      return [];
    };
    return {
      connect: async () => {
        calls.push(`#${n} connect`);
        if (connectFailures.length > 0) throw connectFailures.shift();
      },
      disconnect: async () => void calls.push(`#${n} disconnect`),
      send: (record: ProducerRecord) => answer(`send ${record.topic}`, record.acks),
      sendBatch: (batch: ProducerBatch) => answer(`sendBatch ${batch.topicMessages?.[0]?.topic}`, batch.acks),
    } as unknown as Producer;
  };
  return {
    create,
    calls,
    failNext: (error: Error) => failures.push(error),
    failNextConnect: (error: Error) => connectFailures.push(error),
    holdNext: () => (hold = true),
    releaseHeld: () => release?.(),
  };
}

describe('fencedProducer', () => {
  it('asks every in-sync replica to acknowledge, whatever the caller passed', async () => {
    const fake = fakeProducers();
    const producer = fencedProducer(fake.create);

    await producer.connect();
    await producer.send({ topic: 'a.dlq', acks: 1, messages: [{ value: 'x' }] });
    await producer.sendBatch({ acks: 0, topicMessages: [{ topic: 'b', messages: [{ value: 'y' }] }] });

    expect(fake.calls).toEqual(['#1 connect', '#1 send a.dlq acks=-1', '#1 sendBatch b acks=-1']);
  });

  it('sends through a new producer (a new producer id) after a failed send, connected before the failed one goes', async () => {
    const fake = fakeProducers();
    const producer = fencedProducer(fake.create);
    await producer.connect();
    fake.failNext(new Error('retries exceeded'));

    await expect(producer.sendBatch({ topicMessages: [{ topic: 'b', messages: [] }] })).rejects.toThrow('retries exceeded');
    await producer.sendBatch({ topicMessages: [{ topic: 'b', messages: [] }] });
    await producer.send({ topic: 'c', messages: [] });
    await producer.disconnect();

    expect(fake.calls).toEqual([
      '#1 connect',
      '#1 sendBatch b acks=-1',
      '#2 connect',
      '#1 disconnect',
      '#2 sendBatch b acks=-1',
      '#2 send c acks=-1',
      '#2 disconnect',
    ]);
  });

  it('keeps the fence when the new producer cannot connect, so the next send makes another', async () => {
    const fake = fakeProducers();
    const producer = fencedProducer(fake.create);
    await producer.connect();
    fake.failNext(new Error('retries exceeded'));
    fake.failNextConnect(new Error('no broker'));

    await expect(producer.send({ topic: 'c', messages: [] })).rejects.toThrow('retries exceeded');
    await expect(producer.send({ topic: 'c', messages: [] })).rejects.toThrow('no broker');
    await producer.send({ topic: 'c', messages: [] });

    expect(fake.calls).toEqual([
      '#1 connect',
      '#1 send c acks=-1',
      '#2 connect',
      '#2 disconnect',
      '#3 connect',
      '#1 disconnect',
      '#3 send c acks=-1',
    ]);
  });

  it('sends one at a time: a dead letter waits for the relay batch in flight', async () => {
    const fake = fakeProducers();
    const producer = fencedProducer(fake.create);
    fake.holdNext();

    const batch = producer.sendBatch({ topicMessages: [{ topic: 'b', messages: [] }] });
    const deadLetter = producer.send({ topic: 'a.dlq', messages: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.calls).toEqual(['#1 sendBatch b acks=-1']);

    fake.releaseHeld();
    await Promise.all([batch, deadLetter]);
    expect(fake.calls).toEqual(['#1 sendBatch b acks=-1', '#1 sendBatch b done', '#1 send a.dlq acks=-1']);
  });
});
