import { readFileSync } from 'node:fs';
import { Partitioners, type Kafka, type Producer, type ProducerBatch, type ProducerRecord } from 'kafkajs';

/**
 * The line patches/kafkajs+2.2.4.patch puts in kafkajs' producer: without it, a send can resolve
 * although the partitions a dead leader held were never written (kafkajs#1303).
 */
export const KAFKAJS_PATCH_MARKER = 'PATCHED(kafkajs#1303)';

/** The kafkajs file the patch changes, as installed. */
export function kafkajsSendMessagesPath(): string {
  return require.resolve('kafkajs/src/producer/sendMessages.js');
}

/** Refuses to produce through an unpatched kafkajs: acknowledged events could be lost on a broker failure. */
export function assertKafkajsPatched(path = kafkajsSendMessagesPath()): void {
  if (!readFileSync(path, 'utf8').includes(KAFKAJS_PATCH_MARKER)) {
    throw new Error(
      `kafkajs at ${path} lacks the fix in patches/ (leader failover can drop acknowledged messages); ` +
        'install with `npm ci` so that the postinstall step applies it',
    );
  }
}

/** Retries of one send, as before the producer was idempotent (200 ms doubling, about 6 s in all). */
export const PRODUCER_RETRIES = 5;

/**
 * The one producer of a service: the outbox relay and the dead-letter path both send through it.
 * Idempotent (kafkajs requires one request in flight per broker for that), acks from all in-sync
 * replicas on every send, and the patched kafkajs checked first.
 */
export function createProducer(kafka: Kafka): Producer {
  assertKafkajsPatched();
  return fencedProducer(
    kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: PRODUCER_RETRIES },
    }),
  );
}

/**
 * Sends one at a time with acks = -1, and takes a new producer id after a failed send.
 *
 * kafkajs rolls an idempotent producer's sequence numbers back when a request fails, whether or not
 * the broker wrote it. Once a send has given up, the next one would reuse those numbers for other
 * messages: if the broker had in fact written the failed batch it would take the new one for a
 * duplicate and acknowledge it without writing it, or refuse every later send as out of order.
 * Reconnecting asks for a new producer id, whose sequences start afresh; at worst a batch that was
 * written before its send failed is written again, which consumers drop by event id. Sends are
 * serialised so that the reconnection never runs under a request in flight.
 */
export function fencedProducer(producer: Producer): Producer {
  let tail: Promise<unknown> = Promise.resolve();
  let fence = false;

  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  const guarded = <T>(send: () => Promise<T>): Promise<T> =>
    serially(async () => {
      if (fence) {
        await producer.disconnect();
        await producer.connect();
        fence = false;
      }
      try {
        return await send();
      } catch (error) {
        fence = true;
        throw error;
      }
    });

  return {
    ...producer,
    send: (record: ProducerRecord) => guarded(() => producer.send({ ...record, acks: -1 })),
    sendBatch: (batch: ProducerBatch) => guarded(() => producer.sendBatch({ ...batch, acks: -1 })),
  };
}
