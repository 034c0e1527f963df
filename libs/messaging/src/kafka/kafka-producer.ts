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
  return fencedProducer(() =>
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
 * Sends one at a time with acks = -1, and sends through a new producer, with a new producer id,
 * after a failed send.
 *
 * kafkajs rolls an idempotent producer's sequence numbers back when a request fails, whether or not
 * the broker wrote it. Once a send has given up, the next one would reuse those numbers for other
 * messages: if the broker had in fact written the failed batch, it would take a new batch with the
 * same numbers for a duplicate and acknowledge it without writing it (acknowledged events lost), or
 * refuse every later send as out of order. A kafkajs producer keeps its producer id across
 * `disconnect` and `connect`, so a new one is made (`create`), whose id the broker has never seen
 * and whose sequences start afresh; at worst a batch that was written before its send failed is
 * written again, which consumers drop by event id. Sends are serialised so that the replacement
 * never happens under a request in flight.
 */
export function fencedProducer(create: () => Producer): Producer {
  let current = create();
  let tail: Promise<unknown> = Promise.resolve();
  let fence = false;

  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  /** The failed producer's successor, connected before the old one goes: a failed connection leaves the fence up. */
  const replace = async (): Promise<void> => {
    const next = create();
    try {
      await next.connect();
    } catch (error) {
      await next.disconnect().catch(() => undefined);
      throw error;
    }
    const previous = current;
    current = next;
    fence = false;
    await previous.disconnect().catch(() => undefined);
  };

  const guarded = <T>(send: (producer: Producer) => Promise<T>): Promise<T> =>
    serially(async () => {
      if (fence) await replace();
      try {
        return await send(current);
      } catch (error) {
        fence = true;
        throw error;
      }
    });

  return {
    connect: () => current.connect(),
    disconnect: () => serially(() => current.disconnect()),
    isIdempotent: () => current.isIdempotent(),
    get events() {
      return current.events;
    },
    on: ((eventName: Parameters<Producer['on']>[0], listener: Parameters<Producer['on']>[1]) =>
      current.on(eventName, listener)) as Producer['on'],
    transaction: () => current.transaction(),
    logger: () => current.logger(),
    send: (record: ProducerRecord) => guarded((producer) => producer.send({ ...record, acks: -1 })),
    sendBatch: (batch: ProducerBatch) => guarded((producer) => producer.sendBatch({ ...batch, acks: -1 })),
  };
}
