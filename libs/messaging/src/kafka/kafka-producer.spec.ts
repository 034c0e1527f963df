import type { Producer, ProducerBatch, ProducerRecord, RecordMetadata } from 'kafkajs';
import { fencedProducer } from './kafka-producer';

/** A kafkajs producer in memory: records its calls, fails the sends it is told to. */
function fakeProducer() {
  const calls: string[] = [];
  const failures: Error[] = [];
  let hold = false;
  let release: (() => void) | undefined;
  const answer = async (what: string, acks: number | undefined): Promise<RecordMetadata[]> => {
    calls.push(`${what} acks=${acks}`);
    if (failures.length > 0) throw failures.shift();
    if (!hold) return [];
    hold = false;
    await new Promise<void>((resolve) => (release = resolve));
    calls.push(`${what} done`);
    return [];
  };
  const producer = {
    connect: async () => void calls.push('connect'),
    disconnect: async () => void calls.push('disconnect'),
    send: (record: ProducerRecord) => answer(`send ${record.topic}`, record.acks),
    sendBatch: (batch: ProducerBatch) => answer(`sendBatch ${batch.topicMessages?.[0]?.topic}`, batch.acks),
  } as unknown as Producer;
  return {
    producer,
    calls,
    failNext: (error: Error) => failures.push(error),
    holdNext: () => (hold = true),
    releaseHeld: () => release?.(),
  };
}

describe('fencedProducer', () => {
  it('asks every in-sync replica to acknowledge, whatever the caller passed', async () => {
    const fake = fakeProducer();
    const producer = fencedProducer(fake.producer);

    await producer.send({ topic: 'a.dlq', acks: 1, messages: [{ value: 'x' }] });
    await producer.sendBatch({ acks: 0, topicMessages: [{ topic: 'b', messages: [{ value: 'y' }] }] });

    expect(fake.calls).toEqual(['send a.dlq acks=-1', 'sendBatch b acks=-1']);
  });

  it('takes a new producer id (reconnects) before the send that follows a failed one, and only then', async () => {
    const fake = fakeProducer();
    const producer = fencedProducer(fake.producer);
    fake.failNext(new Error('retries exceeded'));

    await expect(producer.sendBatch({ topicMessages: [{ topic: 'b', messages: [] }] })).rejects.toThrow('retries exceeded');
    await producer.sendBatch({ topicMessages: [{ topic: 'b', messages: [] }] });
    await producer.send({ topic: 'c', messages: [] });

    expect(fake.calls).toEqual(['sendBatch b acks=-1', 'disconnect', 'connect', 'sendBatch b acks=-1', 'send c acks=-1']);
  });

  it('keeps the fence when the reconnection itself fails, so the next send tries it again', async () => {
    const fake = fakeProducer();
    let connects = 0;
    const producer = fencedProducer({
      ...fake.producer,
      connect: async () => {
        if (++connects === 1) throw new Error('no broker');
      },
    });
    fake.failNext(new Error('retries exceeded'));

    await expect(producer.send({ topic: 'c', messages: [] })).rejects.toThrow('retries exceeded');
    await expect(producer.send({ topic: 'c', messages: [] })).rejects.toThrow('no broker');
    await producer.send({ topic: 'c', messages: [] });

    expect(connects).toBe(2);
    expect(fake.calls.filter((c) => c.startsWith('send'))).toEqual(['send c acks=-1', 'send c acks=-1']);
  });

  it('sends one at a time: a dead letter waits for the relay batch in flight', async () => {
    const fake = fakeProducer();
    const producer = fencedProducer(fake.producer);
    fake.holdNext();

    const batch = producer.sendBatch({ topicMessages: [{ topic: 'b', messages: [] }] });
    const deadLetter = producer.send({ topic: 'a.dlq', messages: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.calls).toEqual(['sendBatch b acks=-1']);

    fake.releaseHeld();
    await Promise.all([batch, deadLetter]);
    expect(fake.calls).toEqual(['sendBatch b acks=-1', 'sendBatch b done', 'send a.dlq acks=-1']);
  });
});
