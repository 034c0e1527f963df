import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import {
  deadLetterTopic,
  EventCatalog,
  EventValidator,
  InvalidEventError,
  isKnownEventType,
  type CloudEvent,
  type EventType,
} from '@paritrana/contracts';
import {
  CompressionTypes,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { ConcurrencyLimit } from '@paritrana/platform/runtime/concurrency-limit';
import { isTooLarge } from '../kafka/kafka-errors';
import { KAFKA_CLIENT, KAFKA_PRODUCER } from '../kafka/kafka.tokens';
import { MessagingMetrics } from '../messaging.metrics';
import { DEFAULT_UNKNOWN_FAILURE_PAUSE, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { decideOnFailure, pauseDelayMs } from './failure-policy';
import { groupUpTo, TurnGate } from './handover';
import { OffsetCommits } from './offset-commits';
import { ON_EVENT, ON_EVENTS, type EventBatchHandlerFn, type EventHandlerFn } from './on-event.decorator';
import { StallWatch } from './stall-watch';

/** Transactions of one topic's events at once: sized for two cores and a pool of ten connections shared by every topic. */
const TRANSACTIONS_AT_ONCE = 2;
/** Events applied in one transaction: large enough to amortise the round trips, small enough to keep transactions short. */
const MAX_EVENTS_PER_TRANSACTION = 500;
/**
 * A chunk of at most this many messages is read as soon as its partition is handed over and applied in one transaction
 * with those of the other partitions handed over at the same moment: at a steady rate each partition brings a few
 * events at a time, and a transaction and an offset commit each would multiply the round trips by the partitions. A
 * larger chunk (a backlog) waits for a transaction of its own before it is even read, so that no more than
 * TRANSACTIONS_AT_ONCE large chunks are held parsed at once.
 */
const SHARED_CHUNK_MAX = 100;
/**
 * Compressed bytes fetched at most per partition and per fetch. Gzip shrinks the envelopes to about a seventh, so a
 * partition's fetch is about 1.8 MB of JSON, some 1,400 score events: several transactions' worth. Four times larger,
 * a national intake's backlog kept ranking's fetched batches at 81 MB off the heap (row 23 of bench/HISTORY.md).
 */
const FETCH_BYTES_PER_PARTITION = 256 * 1024;
const FETCH_BYTES = 4 * FETCH_BYTES_PER_PARTITION;
/** The longest a fetch waits on the broker for a message to arrive. */
const IDLE_FETCH_WAIT_MS = 500;
/**
 * What a patient consumer's fetch waits for, up to IDLE_FETCH_WAIT_MS: one that handles none of its topic's frequent
 * events (intake and notification take only `ranking.published` of the rankings topic) is answered twice a second with
 * what gathered meanwhile, instead of after every board change only to skip it.
 */
const PATIENT_FETCH_MIN_BYTES = FETCH_BYTES_PER_PARTITION;
/** How often consumers are looked at for silence (see StallWatch). */
const WATCH_INTERVAL_MS = 5_000;
/** Offsets are committed at most this often per topic (see OffsetCommits). */
const COMMIT_INTERVAL_MS = 1_000;
/** A consumer being replaced, or the service stopping, gets this long to finish its batch and leave its group. */
const DISCONNECT_TIMEOUT_MS = 10_000;

/** Events applied together, or the error that undid them: `alongside` other partitions' events (whose it was may be unknown). */
type Together = { applied: true } | { applied: false; error: unknown; alongside: boolean };

/** What the partitions of a topic handed over at the same moment share: their transactions. */
interface Handover {
  transactions: ConcurrencyLimit;
  apply: TurnGate<CloudEvent[], Together>;
}

type Outcome = { kind: 'applied' } | { kind: 'duplicate' } | { kind: 'dead-letter'; reason: string } | { kind: 'pause'; reason: string };

/** Where handling of a chunk stopped: the message left unresolved, to be tried again once its partition resumes. */
interface Stop {
  message: KafkaMessage;
  event: CloudEvent;
  reason: string;
}

/**
 * Consumes the topics of every `@OnEvent`/`@OnEvents` handler in batches. Each message is validated
 * against the catalogue; invalid ones are dead-lettered. The valid ones of a fetched batch are applied
 * together in one transaction with their processed-event records (so a redelivery is skipped). When
 * that transaction fails, they are applied one at a time instead, and a failure is dealt with as
 * failure-policy.ts decides: retried while the database or broker cannot serve, dead-lettered to
 * `<topic>.dlq` when the message can never be applied, and, for an unknown failure (a bug), the
 * partition paused and the event tried again later, so the stream is never drained into the DLQ.
 */
@Injectable()
export class KafkaConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(KafkaConsumerHost.name);
  private readonly validator = new EventValidator();
  private readonly handlers = new Map<string, EventBatchHandlerFn[]>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly watches = new Map<string, StallWatch>();
  private readonly handovers = new Map<string, Handover>();
  private readonly commits = new Map<string, OffsetCommits>();
  /** The batches being handled: the service commits their offsets once they end, before it leaves the groups. */
  private readonly handling = new Set<Promise<void>>();
  private readonly replacing = new Set<string>();
  /** Consecutive pauses of each `topic:partition`, for the growing pause; reset once an event goes through. */
  private readonly pauses = new Map<string, number>();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  private watchdog?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly metrics: MessagingMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.discoverHandlers();
    const topics = [...new Set([...this.handlers.keys()].map((type) => EventCatalog[type as EventType].topic))];
    // One consumer (and group) per topic: a message retrying while it waits for another topic's
    // event (an edition not yet projected) must not hold up the fetches that bring that event.
    for (const topic of topics) await this.consume(topic);
    this.watchdog = setInterval(() => this.replaceSilentConsumers(), WATCH_INTERVAL_MS);
    this.watchdog.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    for (const timer of this.resumeTimers) clearTimeout(timer);
    this.resumeTimers.clear();
    await Promise.race([Promise.allSettled(this.handling), sleep(DISCONNECT_TIMEOUT_MS)]);
    await Promise.all([...this.commits.values()].map((commits) => commits.flush()));
    for (const commits of this.commits.values()) commits.stop();
    await Promise.all([...this.consumers.values()].map((c) => c.disconnect()));
  }

  private async consume(topic: string): Promise<void> {
    const groupId = `${this.options.groupId}.${topic}`;
    const consumer = this.kafka.consumer({
      groupId,
      // A crashed member is noticed after this long; its partitions then move to the others.
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
      // The broker answers a fetch as soon as a message is there: this only sets how often an idle consumer asks again.
      // At 100 ms the platform's nine consumers asked 90 times a second; with it (and the bench's own consumers at 20 ms)
      // an idle platform took 0.65–0.77 cores, 0.44–0.51 after (bench/HISTORY.md, "Where it stands").
      maxWaitTimeInMs: IDLE_FETCH_WAIT_MS,
      minBytes: this.patient(topic) ? PATIENT_FETCH_MIN_BYTES : 1,
      // Fetches stay small: each one is held in memory whole, several times over (compressed, decompressed,
      // parsed). A larger message still arrives: the broker always returns the first batch of a partition whole.
      maxBytesPerPartition: FETCH_BYTES_PER_PARTITION,
      maxBytes: FETCH_BYTES,
      // A join that cannot complete fails (and is retried) within this, well inside the stall limit.
      rebalanceTimeout: 30_000,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.consumers.set(topic, consumer);
    this.commits.get(topic)?.stop();
    this.commits.set(
      topic,
      new OffsetCommits(COMMIT_INTERVAL_MS, (error) =>
        this.logger.warn(`Committing the offsets of ${topic} failed; the events since the last commit may come again: ${error.message}`),
      ),
    );
    const watch = new StallWatch(this.options.consumerStallMs);
    this.watches.set(topic, watch);
    const { FETCH_START, HEARTBEAT, GROUP_JOIN, CONNECT, START_BATCH_PROCESS, END_BATCH_PROCESS, CRASH } = consumer.events;
    for (const sign of [FETCH_START, HEARTBEAT, GROUP_JOIN, CONNECT, START_BATCH_PROCESS, END_BATCH_PROCESS])
      consumer.on(sign, () => watch.sign());
    consumer.on(CRASH, ({ payload }) => {
      watch.sign();
      // kafkajs restarts itself after a retriable crash only; any other leaves the topic unconsumed.
      if (!payload.restart) void this.replace(topic, consumer, `crashed and was not restarted (${payload.error.message})`);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    // Not awaited: joining the group can wait for a crashed predecessor's session to expire, and
    // the service should answer HTTP meanwhile.
    consumer
      .run({
        // Offsets are committed by OffsetCommits: kafkajs would commit after every batch of every partition.
        autoCommit: false,
        eachBatchAutoResolve: false,
        // Every partition of a fetch is handed over at once, so that their events share transactions.
        partitionsConsumedConcurrently: this.options.topics.partitions,
        eachBatch: (payload) => this.handled(this.handleBatch(payload)),
      })
      .then(() => this.logger.log(`Consuming ${topic} as group ${groupId}`))
      .catch((error: Error) => this.logger.error(`The consumer of ${topic} stopped: ${error.message}`));
  }

  /** The topic carries frequent events (EventCatalog) and this service handles none of them. */
  private patient(topic: string): boolean {
    const frequent = Object.entries(EventCatalog).flatMap(([type, entry]) => (entry.topic === topic && 'frequent' in entry ? [type] : []));
    return frequent.length > 0 && !frequent.some((type) => this.handlers.has(type));
  }

  private replaceSilentConsumers(): void {
    for (const [topic, watch] of this.watches) {
      const silent = watch.silentFor();
      if (silent !== undefined)
        void this.replace(topic, this.consumers.get(topic)!, `showed no sign of life for ${Math.round(silent / 1000)} s`);
    }
  }

  /** A new consumer in place of one that died or hung: it rejoins the group and resumes from the committed offsets. */
  private async replace(topic: string, consumer: Consumer, why: string): Promise<void> {
    if (this.stopping || this.replacing.has(topic) || this.consumers.get(topic) !== consumer) return;
    this.replacing.add(topic);
    this.logger.error(`The consumer of ${topic} ${why}; replacing it`);
    this.metrics.consumersReplaced.inc({ topic });
    try {
      await Promise.race([consumer.disconnect(), sleep(DISCONNECT_TIMEOUT_MS)]).catch(() => undefined);
      while (!this.stopping) {
        try {
          await this.consume(topic);
          return;
        } catch (error) {
          this.logger.warn(`Replacing the consumer of ${topic} failed, retrying in 2 s: ${(error as Error).message}`);
          await sleep(2_000);
        }
      }
    } finally {
      this.replacing.delete(topic);
    }
  }

  private discoverHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as EventHandlerFn & EventBatchHandlerFn;
        const one = this.reflector.get<EventType | undefined>(ON_EVENT, fn);
        const many = this.reflector.get<EventType | undefined>(ON_EVENTS, fn);
        const type = one ?? many;
        if (!type) continue;
        const bound = fn.bind(instance);
        const handler: EventBatchHandlerFn = many
          ? bound
          : async (events, manager) => {
              for (const event of events) await bound(event, manager).catch((error: unknown) => blame(error, event));
            };
        this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
      }
    }
  }

  private async handleBatch({
    batch,
    resolveOffset,
    heartbeat: kafkaHeartbeat,
    commitOffsetsIfNecessary,
    uncommittedOffsets,
    isRunning,
    isStale,
    pause,
  }: EachBatchPayload) {
    const watch = this.watches.get(batch.topic);
    const heartbeat = () => {
      watch?.sign();
      return kafkaHeartbeat();
    };
    const committer = { uncommittedOffsets, commitOffsetsIfNecessary };
    for (let i = 0; i < batch.messages.length; i += MAX_EVENTS_PER_TRANSACTION) {
      if (!isRunning() || isStale() || this.stopping) return;
      const messages = batch.messages.slice(i, i + MAX_EVENTS_PER_TRANSACTION);
      const stop = await keepingAlive(heartbeat, () => this.handleMessages(batch.topic, batch.partition, messages, heartbeat));
      if (stop) {
        // Everything before the stopped message is done; the next fetch after the pause starts at it.
        resolveOffset((BigInt(stop.message.offset) - 1n).toString());
        this.commits.get(batch.topic)?.resolved(committer);
        this.pausePartition(batch.topic, batch.partition, stop, pause);
        return;
      }
      this.pauses.delete(`${batch.topic}:${batch.partition}`);
      resolveOffset(messages[messages.length - 1].offset);
      this.commits.get(batch.topic)?.resolved(committer);
      await heartbeat();
    }
  }

  private pausePartition(topic: string, partition: number, stop: Stop, pause: () => () => void): void {
    const key = `${topic}:${partition}`;
    const n = (this.pauses.get(key) ?? 0) + 1;
    this.pauses.set(key, n);
    const { initialMs, maxMs } = this.options.unknownFailurePause ?? DEFAULT_UNKNOWN_FAILURE_PAUSE;
    const delay = pauseDelayMs(n, initialMs, maxMs);
    this.logger.error(
      `Event ${stop.event.id} (${stop.event.type}) at ${topic}[${partition}]@${stop.message.offset} failed for an unknown reason ` +
        `(${stop.reason}); partition paused, not dead-lettered, next try in ${delay} ms (pause ${n} in a row)`,
    );
    this.metrics.unknownFailures.inc({ topic });
    this.metrics.pausedPartitions.inc({ topic });
    const resume = pause();
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      this.metrics.pausedPartitions.dec({ topic });
      resume();
    }, delay);
    this.resumeTimers.add(timer);
  }

  /** The `ce_type` header names a type of the catalogue with no handler here. Without the header, the value decides. */
  private notHandled(headers: IHeaders | undefined): boolean {
    const header = headers?.ce_type;
    const type = Buffer.isBuffer(header) || typeof header === 'string' ? header.toString() : undefined;
    return type !== undefined && isKnownEventType(type) && !this.handlers.has(type);
  }

  /** The batch, counted among those being handled until it ends. */
  private async handled(batch: Promise<void>): Promise<void> {
    this.handling.add(batch);
    try {
      await batch;
    } finally {
      this.handling.delete(batch);
    }
  }

  /** The transactions shared by the partitions of this topic handed over at the same moment. */
  private handover(topic: string): Handover {
    let handover = this.handovers.get(topic);
    if (!handover) {
      const transactions = new ConcurrencyLimit(TRANSACTIONS_AT_ONCE);
      handover = {
        transactions,
        apply: new TurnGate((chunks) => this.applyChunks(transactions, chunks)),
      };
      this.handovers.set(topic, handover);
    }
    return handover;
  }

  /**
   * Handles the messages in order; returns where it stopped when an unknown failure paused the partition. A large
   * chunk waits for a transaction of its own before it is read (SHARED_CHUNK_MAX).
   */
  private handleMessages(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>) {
    const { transactions } = this.handover(topic);
    if (messages.length > SHARED_CHUNK_MAX)
      return transactions.run(() => this.handleChunk(topic, partition, messages, heartbeat, { shared: false, transact: (work) => work() }));
    return this.handleChunk(topic, partition, messages, heartbeat, { shared: true, transact: (work) => transactions.run(work) });
  }

  /**
   * `shared`: the valid events are first applied together with other partitions' (through the handover); `transact`
   * runs each piece of database work in a transaction slot, unless the chunk holds one already.
   */
  private async handleChunk(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
    { shared, transact }: { shared: boolean; transact: <T>(work: () => Promise<T>) => Promise<T> },
  ): Promise<Stop | undefined> {
    const parsed: Array<{ message: KafkaMessage; event?: CloudEvent; invalid?: string }> = [];
    for (const message of messages) {
      // Named by its header as an event of the catalogue this service does not handle (a board on the rankings
      // topic): skipped unparsed.
      if (this.notHandled(message.headers)) continue;
      try {
        const event = this.validator.parse(message.value, topic);
        // Valid and not this service's to apply (a board update on the rankings topic): nothing is held on to.
        if (this.handlers.has(event.type)) parsed.push({ message, event });
      } catch (error) {
        if (!(error instanceof InvalidEventError)) throw error;
        parsed.push({ message, invalid: error.message });
      }
    }
    const valid = parsed.flatMap((p) => (p.event ? [p.event] : []));
    // A message found permanently unfit while applied together is dead-lettered without being applied again.
    let unfit: { eventId: string; reason: string } | undefined;
    if (valid.length > 1 || (shared && valid.length === 1)) {
      let together = shared ? await this.handover(topic).apply.submit(valid) : await this.applyTogether(valid);
      // Failed alongside other partitions' events, not by one of these as far as is known: tried alone to find out.
      if (!together.applied && together.alongside && valid.length > 1 && !culprit(together, valid))
        together = await transact(() => this.applyTogether(valid));
      if (together.applied) {
        for (const { message, invalid } of parsed) if (invalid !== undefined) await this.deadLetter(topic, partition, message, invalid);
        return undefined;
      }
      const eventId = culprit(together, valid);
      const decision = decideOnFailure(together.error, 1, 0, this.options.retry);
      if (eventId && decision.action === 'dead-letter' && decision.failure === 'permanent') unfit = { eventId, reason: decision.reason };
    }
    for (const { message, event, invalid } of parsed) {
      if (invalid !== undefined) {
        await this.deadLetter(topic, partition, message, invalid);
        continue;
      }
      if (event!.id === unfit?.eventId) {
        await this.deadLetter(topic, partition, message, unfit.reason);
        continue;
      }
      const outcome = await transact(() => this.process(topic, event!, heartbeat));
      if (outcome.kind === 'dead-letter') await this.deadLetter(topic, partition, message, outcome.reason);
      if (outcome.kind === 'pause') return { message, event: event!, reason: outcome.reason };
    }
    return undefined;
  }

  /**
   * The chunks handed over together, applied in as few transactions of at most MAX_EVENTS_PER_TRANSACTION as they fit
   * in (a chunk is never split), TRANSACTIONS_AT_ONCE at a time.
   */
  private async applyChunks(transactions: ConcurrencyLimit, chunks: CloudEvent[][]): Promise<Together[]> {
    const groups = groupUpTo(
      chunks.map((events, index) => ({ events, index })),
      MAX_EVENTS_PER_TRANSACTION,
      (chunk) => chunk.events.length,
    );
    const results: Together[] = [];
    await Promise.all(
      groups.map(async (group) => {
        const together = await transactions.run(() => this.applyTogether(group.flatMap((chunk) => chunk.events)));
        for (const { index } of group) results[index] = together.applied ? together : { ...together, alongside: group.length > 1 };
      }),
    );
    return results;
  }

  /** Applies the events in one transaction; when it failed, nothing was applied. */
  private async applyTogether(handled: CloudEvent[]): Promise<Together> {
    const started = performance.now();
    try {
      const fresh = await this.dataSource.transaction(async (manager) => {
        const fresh = await this.claim(manager, handled);
        for (const run of runsOfOneType(fresh)) for (const handler of this.handlers.get(run[0].type)!) await handler(run, manager);
        return fresh;
      });
      const seconds = (performance.now() - started) / 1000 / handled.length;
      for (const event of handled) this.metrics.handleSeconds.observe({ type: event.type }, seconds);
      for (const event of fresh) this.metrics.consumed.inc({ type: event.type });
      // By identity, not id: a second copy of an event in the same batch is a duplicate too.
      const applied = new Set(fresh);
      for (const event of handled) if (!applied.has(event)) this.metrics.duplicates.inc({ type: event.type });
      return { applied: true };
    } catch (error) {
      if (this.stopping) throw error;
      this.logger.debug(`A batch of ${handled.length} events failed (${(error as Error).message}); applying them one by one`);
      return { applied: false, error, alongside: false };
    }
  }

  /** Records the events as processed; returns those not processed before, each once, in order. */
  private async claim(manager: EntityManager, events: CloudEvent[]): Promise<CloudEvent[]> {
    const claimed: { event_id: string }[] = await manager.query(
      `INSERT INTO "${this.options.schema}".processed_events (event_id, event_type) SELECT * FROM unnest($1::uuid[], $2::text[])
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [events.map((e) => e.id), events.map((e) => e.type)],
    );
    const unclaimed = new Set(claimed.map((r) => r.event_id));
    return events.filter((e) => unclaimed.delete(e.id));
  }

  private async process(topic: string, event: CloudEvent, heartbeat: () => Promise<void>): Promise<Outcome> {
    const handlers = this.handlers.get(event.type)!;
    let attempt = 1;
    let waits = 0;
    for (;;) {
      try {
        const stop = this.metrics.handleSeconds.startTimer({ type: event.type });
        const applied = await this.apply(event, handlers);
        stop();
        (applied ? this.metrics.consumed : this.metrics.duplicates).inc({ type: event.type });
        return { kind: applied ? 'applied' : 'duplicate' };
      } catch (error) {
        const decision = decideOnFailure(error, attempt, waits, this.options.retry);
        if (decision.action === 'dead-letter') return { kind: 'dead-letter', reason: decision.reason };
        if (decision.action === 'pause') return { kind: 'pause', reason: decision.reason };
        // Shutting down: the event stays unresolved and is redelivered to whoever takes the partition.
        if (this.stopping) throw error;
        this.metrics.retried.inc({ topic });
        const what = decision.counted ? `failed, attempt ${attempt}` : `waits for the ${decision.failure} to recover`;
        this.logger.warn(`Event ${event.id} (${event.type}) ${what}; retrying in ${decision.delayMs} ms: ${(error as Error)?.message}`);
        if (decision.counted) attempt++;
        else waits++;
        await sleepWithHeartbeat(decision.delayMs, heartbeat);
      }
    }
  }

  /** Applies the event once: false when it was already processed. */
  private async apply(event: CloudEvent, handlers: EventBatchHandlerFn[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if ((await this.claim(manager, [event])).length === 0) return false;
      for (const handler of handlers) await handler([event], manager);
      return true;
    });
  }

  /**
   * Compressed like the outbox, a dead letter fits wherever its message did. A message that fitted
   * only compressed by its producer may still not: then the dead letter keeps the headers and says
   * so, rather than blocking the partition behind a send that can never succeed.
   */
  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string): Promise<void> {
    this.logger.error(`Dead-lettering ${topic}[${partition}]@${message.offset}: ${reason}`);
    const headers: IHeaders = {
      ...message.headers,
      'dlq-reason': reason.slice(0, 1_000),
      'dlq-original-topic': topic,
      'dlq-original-partition': String(partition),
      'dlq-original-offset': message.offset,
      'dlq-consumer-group': `${this.options.groupId}.${topic}`,
      'dlq-failed-at': new Date().toISOString(),
    };
    const send = (value: Buffer | null, extra: IHeaders = {}) =>
      this.producer.send({
        topic: deadLetterTopic(topic),
        compression: CompressionTypes.GZIP,
        messages: [{ key: message.key, value, headers: { ...headers, ...extra } }],
      });
    try {
      await send(message.value);
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      this.logger.error(`The dead letter of ${topic}[${partition}]@${message.offset} is too large even compressed; sent without its value`);
      await send(null, { 'dlq-value-dropped': `${message.value?.length ?? 0} bytes, larger than the broker accepts` });
    }
    this.metrics.deadLettered.inc({ topic });
  }
}

/** The event whose handler raised each error, when one event's handler did: its failure can be pinned on it. */
const blamed = new WeakMap<object, string>();

function blame(error: unknown, event: CloudEvent): never {
  if (typeof error === 'object' && error !== null) blamed.set(error, event.id);
  throw error;
}

/** The event of `events` whose handler raised the error that undid them, when known: the only one, when it failed alone. */
function culprit(failed: Extract<Together, { applied: false }>, events: CloudEvent[]): string | undefined {
  const eventId = blamed.get(failed.error as object) ?? (events.length === 1 && !failed.alongside ? events[0].id : undefined);
  return events.some((event) => event.id === eventId) ? eventId : undefined;
}

/** Consecutive events of the same type, in order: each run goes to its type's handlers at once. */
function runsOfOneType(events: CloudEvent[]): CloudEvent[][] {
  const runs: CloudEvent[][] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last && last[0].type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

/**
 * Heartbeats while messages are handled: a slow batch (a dead letter of several megabytes on a busy
 * machine) must not outlast the session, or the group evicts the member and redelivers it forever.
 */
async function keepingAlive<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void heartbeat().catch(() => undefined), 1_000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, until - Date.now())));
    await heartbeat().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
