import {
  createEvent,
  EventTypes,
  EventValidator,
  NOMINEE_KINDS,
  TIERS,
  Topics,
  type CloudEvent,
  type EventType,
} from '@paritrana/contracts';
import { http, tokenFor, waitFor } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import fc from 'fast-check';
import { openRegencyEdition } from '@paritrana/testing/editions';
import { CONSUMED_TOPICS, CONSUMERS, RawKafka, validEvents, type ConsumerName, type Produced } from '../fixtures/raw-kafka.fixture';

/** Fixed for reproducible CI runs; FUZZ_SEED=<n> explores others, FUZZ_RUNS=<n> sets the messages per topic. */
const seed = Number(process.env.FUZZ_SEED ?? 20261121);
const runsPerTopic = Number(process.env.FUZZ_RUNS ?? 60);

type Outcome = 'processed' | 'dead-lettered' | 'ignored';

interface Case {
  at: Produced;
  /** The event as the contract reads it, when it is valid on its topic. */
  event?: CloudEvent;
  value: string | Buffer;
}

/**
 * Arbitrary messages on every consumed topic of the running platform — arbitrary JSON, bytes,
 * valid envelopes with one field replaced or removed, valid events with random values — and the
 * invariant: every consumer of the topic either applies each message or dead-letters it (or, valid
 * and of a type it does not handle, passes it by), stays up, and applies a sentinel behind them.
 */
describe('every consumer under arbitrary messages (real Kafka and Postgres)', () => {
  let platform: Platform;
  const raw = new RawKafka();
  const validator = new EventValidator();
  const edition = `cf${Date.now().toString(36)}`;
  const admin = tokenFor({ sub: 'fuzz-admin', role: 'admin' });

  const text = fc.oneof(
    fc.string({ maxLength: 24 }),
    fc.string({ maxLength: 24, unit: 'grapheme' }),
    fc.string({ maxLength: 24, unit: 'binary' }),
  );
  const isoTime = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  const ref = fc.record({
    nominationId: fc.uuid(),
    edition: fc.oneof(fc.constant(edition), text),
    tier: fc.constantFrom(...TIERS),
    province: fc.constantFrom('15', '16', '31', '99'),
    category: fc.oneof(fc.constant('regency'), text),
  });
  const nominee = fc.record({ kind: fc.constantFrom(...NOMINEE_KINDS), name: text, regionCode: text });
  const contact = fc.record({ name: text, email: text, copyTo: fc.option(text, { nil: undefined }) }, { requiredKeys: ['name', 'email'] });
  const indicators = fc.oneof(
    fc.dictionary(text, fc.jsonValue(), { maxKeys: 4 }),
    fc.record({
      workforce: fc.record({ wageEarners: fc.oneof(fc.nat(), fc.double(), fc.constant(null)) }),
      participants: fc.record({ wageEarners: fc.oneof(fc.nat(), fc.double(), fc.string()) }),
      regulation: fc.record({ level: fc.oneof(fc.constantFrom('none', 'decree', 'perda'), text) }),
    }),
  );
  const standing = fc.record(
    {
      rank: fc.integer({ min: 1, max: 50 }),
      title: text,
      nominationId: fc.uuid(),
      nominee: fc.record({ kind: text, name: text, regionCode: text }),
      total: fc.double({ noNaN: true, noDefaultInfinity: true }),
      status: fc.constantFrom('provisional', 'final', 'ineligible'),
    },
    { requiredKeys: ['rank', 'nominationId', 'nominee', 'total', 'status'] },
  );
  const board = fc.record({
    edition: fc.oneof(fc.constant(edition), text),
    tier: fc.constantFrom(...TIERS),
    scope: text,
    category: fc.oneof(fc.constant('regency'), text),
    standings: fc.array(standing, { maxLength: 4 }),
    ineligible: fc.constant([]),
  });
  const event = <T extends EventType>(type: T, subject: string, data: unknown) =>
    createEvent(type, subject || 'x', data as never, { service: 'fuzz' }) as CloudEvent;

  /** Valid events with random values, for the event types carried by each topic. */
  const validOn: Record<string, fc.Arbitrary<CloudEvent>> = {
    [Topics.Editions]: fc
      .record({ code: fc.stringMatching(/^[a-z0-9]{1,12}$/), winners: fc.nat(5), advance: fc.nat(3), time: isoTime, by: text })
      .map(({ code, winners, advance, time, by }) => {
        const definition = openRegencyEdition(`${edition}${code}`);
        Object.assign(definition.categories[0], { winners, advance });
        return event(EventTypes.EditionDefined, definition.code, { definition, definedAt: time, definedBy: by });
      }),
    [Topics.Nominations]: fc.oneof(
      fc
        .record({ ref, nominee, contact, indicators, at: isoTime, by: text })
        .map(({ ref: r, at, by, ...rest }) =>
          event(EventTypes.NominationSubmitted, r.nominationId, { ...r, ...rest, submittedAt: at, submittedBy: by }),
        ),
      fc
        .record({ ref, nominee, contact, indicators, version: fc.integer({ min: 2, max: 9 }), at: isoTime })
        .map(({ ref: r, at, ...rest }) =>
          event(EventTypes.NominationAmended, r.nominationId, {
            ...r,
            ...rest,
            documents: [],
            amendedFields: ['indicators'],
            submittedAt: at,
            amendedAt: at,
            amendedBy: 'fuzz',
          }),
        ),
      fc
        .record({ ref, at: isoTime, reason: fc.option(text, { nil: undefined }) }, { requiredKeys: ['ref', 'at'] })
        .map(({ ref: r, at, reason }) =>
          event(EventTypes.NominationWithdrawn, r.nominationId, {
            ...r,
            ...(reason ? { reason } : {}),
            withdrawnAt: at,
            withdrawnBy: 'fuzz',
          }),
        ),
    ),
    [Topics.Scores]: fc
      .record({
        ref,
        status: fc.constantFrom('provisional', 'final', 'ineligible'),
        total: fc.double({ min: 0, max: 100, noNaN: true }),
        rubricVersion: fc.integer(),
        criteria: fc.array(
          fc.record({
            code: text,
            weight: fc.double({ noNaN: true, noDefaultInfinity: true }),
            value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), text, fc.constant(null)),
            subScore: fc.double({ min: 0, max: 100, noNaN: true }),
            contribution: fc.double({ noNaN: true, noDefaultInfinity: true }),
          }),
          { maxLength: 3 },
        ),
        reasons: fc.array(text, { maxLength: 2 }),
        at: isoTime,
      })
      .map(({ ref: r, at, ...rest }) => event(EventTypes.ScoreCalculated, r.nominationId, { ...r, ...rest, calculatedAt: at })),
    [Topics.Rankings]: fc.oneof(
      board.map((b) =>
        event(EventTypes.RankingPublished, 'b', {
          ...b,
          boardId: `${b.edition}:${b.tier}:${b.scope}:${b.category}`,
          publishedAt: new Date().toISOString(),
          publishedBy: 'fuzz',
        }),
      ),
      board.map((b) =>
        event(EventTypes.RankingUpdated, 'b', {
          ...b,
          boardId: `${b.edition}:${b.tier}:${b.scope}:${b.category}`,
          updatedAt: new Date().toISOString(),
        }),
      ),
    ),
  };

  /** A valid envelope with the value at one path replaced by arbitrary JSON, or removed. */
  const mutated = (valid: fc.Arbitrary<CloudEvent>) =>
    fc.tuple(valid, fc.nat(), fc.option(fc.jsonValue(), { nil: undefined })).map(([e, pick, value]) => {
      const copy = structuredClone(e) as unknown as Record<string, unknown>;
      const paths: string[][] = [];
      const walk = (node: unknown, path: string[]) => {
        if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
        if (path.length > 0) paths.push(path);
      };
      walk(copy, []);
      const path = paths[pick % paths.length];
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      if (value === undefined) delete node[path[path.length - 1]];
      else node[path[path.length - 1]] = value;
      return copy;
    });

  const messageOn = (topic: string) =>
    fc.record({
      key: fc.option(text, { nil: null }),
      headers: fc.option(fc.dictionary(text, text, { maxKeys: 3 }), { nil: undefined }),
      value: fc.oneof(
        { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
        { weight: 3, arbitrary: mutated(validOn[topic]).map((v) => JSON.stringify(v)) },
        { weight: 3, arbitrary: validOn[topic].map((e) => JSON.stringify(e)) },
      ),
    });

  /** What the contract says of the message on its topic: the event, or nothing when it is invalid. */
  const readAsContract = (topic: string, value: string | Buffer): CloudEvent | undefined => {
    try {
      return validator.parse(value, topic);
    } catch {
      return undefined;
    }
  };

  const outcomeOf = (c: Case, consumer: ConsumerName, processed: Set<string>): Outcome | undefined => {
    if (raw.deadLetterOf(c.at, consumer)) return 'dead-lettered';
    if (!c.event) return undefined;
    if (!(CONSUMERS[consumer].handles as readonly string[]).includes(c.event.type)) return 'ignored';
    return processed.has(c.event.id) ? 'processed' : undefined;
  };

  beforeAll(async () => {
    platform = await startPlatform({ CONSUMER_MAX_ATTEMPTS: '3', CONSUMER_RETRY_MAX_MS: '400' });
    await raw.start();
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, admin, openRegencyEdition(edition))).status).toBe(201);
    await raw.editionKnown(edition);
  });

  afterAll(async () => {
    await raw.stop();
    await platform?.close();
  });

  it('should apply or dead-letter every arbitrary message on every consumed topic, and then apply a sentinel on each partition', async () => {
    const started = Date.now();
    const cases: Case[] = [];
    for (const [index, topic] of Object.keys(CONSUMED_TOPICS).entries()) {
      for (const message of fc.sample(messageOn(topic), { seed: seed + index, numRuns: runsPerTopic })) {
        const at = await raw.produce(topic, message);
        cases.push({ at, value: message.value, event: readAsContract(topic, message.value) });
      }
    }

    const tally = await waitFor(
      'every consumer to apply or dead-letter every fuzz message',
      async () => {
        const counts: Record<string, Record<Outcome, number>> = {};
        const missing: string[] = [];
        for (const consumer of Object.keys(CONSUMERS) as ConsumerName[]) {
          const mine = cases.filter((c) => CONSUMED_TOPICS[c.at.topic].includes(consumer));
          const processed = await raw.processed(
            consumer,
            mine.flatMap((c) => (c.event ? [c.event.id] : [])),
          );
          counts[consumer] = { processed: 0, 'dead-lettered': 0, ignored: 0 };
          for (const c of mine) {
            const outcome = outcomeOf(c, consumer, processed);
            if (outcome) counts[consumer][outcome]++;
            else missing.push(`${consumer}: ${c.at.topic}[${c.at.partition}]@${c.at.offset} ${String(c.value).slice(0, 300)}`);
          }
        }
        if (missing.length > 0)
          throw new Error(`${missing.length} not yet applied nor dead-lettered, e.g.\n${missing.slice(0, 5).join('\n')}`);
        return counts;
      },
      120_000,
      1_000,
    );

    const sentinels: Array<{ event: CloudEvent; at: Produced }> = [];
    for (const topic of Object.keys(CONSUMED_TOPICS)) {
      for (let partition = 0; partition < raw.partitions.get(topic)!; partition++) {
        const sentinel = sentinelOn(topic);
        sentinels.push({ event: sentinel, at: await raw.produceEvent(sentinel, partition) });
      }
    }
    for (const { event: sentinel, at } of sentinels) {
      for (const consumer of CONSUMED_TOPICS[at.topic]) {
        await waitFor(`${consumer} to apply the sentinel on ${at.topic}[${at.partition}]`, async () =>
          (await raw.processed(consumer, [sentinel.id])).has(sentinel.id) ? true : undefined,
        );
      }
    }
    for (const url of Object.values(platform.urls)) expect((await http('GET', `${url}/health/live`)).status).toBe(200);
    await waitFor('ranking to announce every changed board', async () => {
      const [{ n }] = await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM ranking.board_changes');
      return n === 0 ? true : undefined;
    });

    const summary = Object.entries(tally)
      .map(([consumer, n]) => `${consumer} ${n.processed} applied, ${n['dead-lettered']} dead-lettered, ${n.ignored} not its type`)
      .join('; ');
    process.stdout.write(
      `consumer fuzz (seed ${seed}): ${cases.length} messages on ${Object.keys(CONSUMED_TOPICS).length} topics in ${((Date.now() - started) / 1000).toFixed(1)} s; ${summary}; ${sentinels.length} sentinels applied\n`,
    );
    for (const n of Object.values(tally)) expect(n.processed + n['dead-lettered'] + n.ignored).toBeGreaterThan(0);
  });

  const sentinelOn = (topic: string): CloudEvent => {
    if (topic === Topics.Editions) {
      const code = `${edition}s${Math.random().toString(36).slice(2, 8)}`;
      return event(EventTypes.EditionDefined, code, {
        definition: openRegencyEdition(code),
        definedAt: new Date().toISOString(),
        definedBy: 'fuzz',
      });
    }
    if (topic === Topics.Nominations) return validEvents.submitted(edition);
    if (topic === Topics.Scores) return validEvents.score(edition);
    return validEvents.published(edition);
  };
});
