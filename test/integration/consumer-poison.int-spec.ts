import { createEvent, EventTypes, Topics, type CloudEvent } from '@paritrana/contracts';
import { http, tokenFor, waitFor } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import { randomBytes, randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { openRegencyEdition } from '@paritrana/testing/editions';
import { CONSUMED_TOPICS, RawKafka, reasonOf, validEvents, type Produced, type RawMessage } from '../fixtures/raw-kafka.fixture';

/**
 * How long the valid event behind a poison message may take before the partition counts as held.
 * A held partition never moves on (retries of a poison message do not end by themselves); one that
 * moves on takes a second or so, and up to ~35 s when a 24 MB message costs a consumer its group
 * membership on a busy two-core machine (the rejoin waits for the session timeout).
 */
const HELD_AFTER_MS = 120_000;
const TOPICS = Object.keys(CONSUMED_TOPICS);

/**
 * Hostile and duplicate messages produced straight onto every consumed topic of the running
 * platform: each is dead-lettered with its reason or handled correctly, and never holds up the
 * valid event behind it on the same partition.
 */
describe('consumers under poison, duplicate and out-of-order messages (real Kafka and Postgres)', () => {
  let platform: Platform;
  const raw = new RawKafka();
  const edition = `px${Date.now().toString(36)}`;
  const admin = tokenFor({ sub: 'poison-admin', role: 'admin' });
  let partitionCursor = 0;
  /** How long after it was produced the valid event behind each poison message was applied by all its consumers. */
  const behindPoisonMs: number[] = [];

  /** A valid event of the topic that every consumer of it applies (and records as processed). */
  const followUpOf = (topic: string): CloudEvent => {
    if (topic === Topics.Editions) {
      const code = `${edition}f${randomUUID().slice(0, 6)}`;
      return createEvent(
        EventTypes.EditionDefined,
        code,
        { definition: openRegencyEdition(code), definedAt: new Date().toISOString(), definedBy: 'poison-test' },
        { service: 'poison-test' },
      );
    }
    if (topic === Topics.Nominations) return validEvents.submitted(edition);
    if (topic === Topics.Scores) return validEvents.score(edition);
    return validEvents.published(edition);
  };

  /** Waits until each consumer has recorded the event; answers how long after producing it that took at most. */
  const expectProcessed = async (event: CloudEvent, at: Produced, consumers = CONSUMED_TOPICS[at.topic]) => {
    for (const consumer of consumers) {
      await waitFor(
        `${consumer} to apply ${event.type} ${event.id}`,
        async () => ((await raw.processed(consumer, [event.id])).has(event.id) ? true : undefined),
        HELD_AFTER_MS,
      );
    }
    return Date.now() - at.producedAt;
  };

  /**
   * Produces the message, then a valid event on the same partition; expects a dead letter from every
   * consumer of the topic with a reason matching `reason`, and the valid event applied promptly.
   */
  const expectDeadLettered = async (topic: string, message: RawMessage, reason: RegExp, consumers = CONSUMED_TOPICS[topic]) => {
    const letters: KafkaMessage[] = [];
    const partition = partitionCursor++ % raw.partitions.get(topic)!;
    const at = await raw.produce(topic, { ...message, partition });
    const next = followUpOf(topic);
    const nextAt = await raw.produceEvent(next, partition);
    for (const consumer of consumers) {
      const letter = await waitFor(`${consumer}'s dead letter of ${topic}[${partition}]@${at.offset}`, async () =>
        raw.deadLetterOf(at, consumer),
      );
      expect(reasonOf(letter)).toMatch(reason);
      // Buffer.equals: Jest's deep equality walks a 24 MB value byte by byte.
      const kept = message.value === null ? letter.value === null : letter.value?.equals(Buffer.from(message.value));
      if (!letter.headers?.['dlq-value-dropped']) expect(kept).toBe(true);
      letters.push(letter);
    }
    behindPoisonMs.push(await expectProcessed(next, nextAt));
    return letters;
  };

  const each = (topics: string[], run: (topic: string) => Promise<void>) => Promise.all(topics.map(run));

  const scoreRow = async (nominationId: string) =>
    (
      await raw.query<{ indicators: { participants: { wageEarners: number } }; withdrawn_at: Date | null; total: string }>(
        'SELECT indicators, withdrawn_at, total FROM scoring.scores WHERE nomination_id = $1',
        [nominationId],
      )
    )[0];
  const contactRow = async (nominationId: string) =>
    (
      await raw.query<{ contact: { email: string } }>('SELECT contact FROM notification.contacts WHERE nomination_id = $1', [nominationId])
    )[0];
  const entryRow = async (nominationId: string) =>
    (
      await raw.query<{ withdrawn_at: Date | null; nominee: unknown; total: string | null }>(
        'SELECT withdrawn_at, nominee, total FROM ranking.entries WHERE nomination_id = $1',
        [nominationId],
      )
    )[0];

  beforeAll(async () => {
    platform = await startPlatform({ CONSUMER_MAX_ATTEMPTS: '3', CONSUMER_RETRY_MAX_MS: '400' });
    await raw.start();
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, admin, openRegencyEdition(edition))).status).toBe(201);
    await raw.editionKnown(edition);
  });

  afterAll(async () => {
    await raw.stop();
    const sorted = [...behindPoisonMs].sort((a, b) => a - b);
    process.stdout.write(
      `consumer poison: ${sorted.length} poison messages dead-lettered; the valid event behind each applied by all its consumers in median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms\n`,
    );
    await platform?.close();
  });

  afterEach(async () => {
    for (const url of Object.values(platform.urls)) expect((await http('GET', `${url}/health/live`)).status).toBe(200);
  });

  it('should dead-letter malformed JSON, an empty value and binary garbage under a null key', async () => {
    await each(TOPICS, async (topic) => {
      await expectDeadLettered(topic, { key: 'k', value: '{"specversion": "1.0", ' }, /^message value is not JSON$/);
      await expectDeadLettered(topic, { key: 'k', value: '' }, /^message value is not JSON$/);
      await expectDeadLettered(topic, { key: 'k', value: null }, /^message has no value$/);
      await expectDeadLettered(topic, { key: null, value: randomBytes(512) }, /^message value is not JSON$/);
    });
  });

  it('should dead-letter JSON that is not an object', async () => {
    await each(TOPICS, async (topic) => {
      for (const value of ['[1,2,3]', '"an event"', '42', 'null', 'true'])
        await expectDeadLettered(topic, { key: 'k', value }, /^not a CloudEvents envelope: \/ must be object$/);
    });
  });

  it('should dead-letter an unknown event type, a wrong specversion and an id that is not a uuid', async () => {
    await each(TOPICS, async (topic) => {
      const valid = followUpOf(topic);
      await expectDeadLettered(
        topic,
        { key: valid.subject, value: JSON.stringify({ ...valid, type: 'paritrana.nomination.exploded.v1' }) },
        /^unknown event type paritrana.nomination.exploded.v1$/,
      );
      await expectDeadLettered(
        topic,
        { key: valid.subject, value: JSON.stringify({ ...valid, specversion: '0.3' }) },
        /^not a CloudEvents envelope: \/specversion must be equal to constant$/,
      );
      await expectDeadLettered(
        topic,
        { key: valid.subject, value: JSON.stringify({ ...valid, id: 'event-1' }) },
        /^not a CloudEvents envelope: \/id must match format "uuid"$/,
      );
    });
  });

  it('should dead-letter schema-invalid data of every event type on its topic', async () => {
    const invalid: Array<[string, CloudEvent, Record<string, unknown>]> = [
      [Topics.Editions, followUpOf(Topics.Editions), { definition: { code: 'x' } }],
      [Topics.Nominations, validEvents.submitted(edition), { nominationId: 'nope', indicators: [] }],
      [Topics.Nominations, validEvents.amended(edition, randomUUID(), 1, 1, 'a@b.id'), {}],
      [Topics.Nominations, validEvents.withdrawn(edition, randomUUID()), { province: 'Jambi' }],
      [Topics.Scores, validEvents.score(edition), { total: 120 }],
      [Topics.Rankings, validEvents.published(edition), { standings: [{ rank: 0 }] }],
      [Topics.Rankings, { ...validEvents.published(edition), type: EventTypes.RankingUpdated }, {}],
    ];
    await Promise.all(
      invalid.map(([topic, event, changes]) =>
        expectDeadLettered(
          topic,
          { key: event.subject, value: JSON.stringify({ ...event, data: { ...(event.data as object), ...changes } }) },
          new RegExp(`^invalid ${event.type.replaceAll('.', '\\.')} data: /`),
        ),
      ),
    );
  });

  it('should dead-letter a valid event produced on a topic that is not its own', async () => {
    const submitted = validEvents.submitted(edition);
    await expectDeadLettered(
      Topics.Scores,
      { key: submitted.subject, value: JSON.stringify(submitted) },
      /^paritrana\.nomination\.submitted\.v1 belongs on paritrana\.nominations\.v1, not paritrana\.scores\.v1$/,
    );
    const defined = followUpOf(Topics.Editions);
    await expectDeadLettered(
      Topics.Nominations,
      { key: defined.subject, value: JSON.stringify(defined) },
      /^paritrana\.edition\.defined\.v1 belongs on paritrana\.editions\.v1, not paritrana\.nominations\.v1$/,
    );
    expect(await scoreRow(submitted.data.nominationId)).toBeUndefined();
    expect(await entryRow(submitted.data.nominationId)).toBeUndefined();
  });

  it('should ignore garbage headers on a valid event and keep only its own reason on a dead letter', async () => {
    const headers = {
      'dlq-reason': 'forged',
      '': randomBytes(16),
      'x-binary': randomBytes(64),
      'x-repeated': ['one', 'two', randomBytes(3)],
      'x-large': 'h'.repeat(100_000),
    };
    const valid = validEvents.submitted(edition);
    const at = await raw.produce(Topics.Nominations, { key: valid.subject, value: JSON.stringify(valid), headers });
    await expectProcessed(valid, at);

    await expectDeadLettered(Topics.Nominations, { key: 'k', value: 'garbage', headers }, /^message value is not JSON$/);
  });

  // Two 10–24 MB messages, each of which may cost a consumer its group membership (see HELD_AFTER_MS).
  it('should dead-letter oversize values, plain and compressed, without blocking their partition', async () => {
    const incompressible = randomBytes(10 * 1024 * 1024 - 512);
    const letters = await expectDeadLettered(Topics.Nominations, { key: null, value: incompressible }, /^message value is not JSON$/);
    expect(letters.map((l) => [l.value, String(l.headers?.['dlq-value-dropped'])])).toEqual(
      letters.map(() => [null, `${incompressible.length} bytes, larger than the broker accepts`]),
    );

    const hugeEvent = validEvents.submitted(edition);
    const compressed = JSON.stringify({ ...hugeEvent, data: { ...hugeEvent.data, indicators: 'i'.repeat(24 * 1024 * 1024) } });
    await expectDeadLettered(
      Topics.Nominations,
      { key: hugeEvent.subject, value: compressed, gzip: true },
      /^invalid paritrana\.nomination\.submitted\.v1 data: \/indicators must be object$/,
    );
  }, 300_000);

  it('should apply an event once when the same event id arrives twice, and stay idempotent under a new id with the same content', async () => {
    const submitted = validEvents.submitted(edition);
    const duplicatesBefore = await duplicateCount(platform, EventTypes.NominationSubmitted);

    const first = await raw.produceEvent(submitted);
    await raw.produceEvent(submitted);
    const replay = { ...submitted, id: randomUUID() };
    const replayAt = await raw.produceEvent(replay);
    await expectProcessed(submitted, first);
    await expectProcessed(replay, replayAt);

    await waitFor('the duplicate to be counted by all three consumers', async () =>
      (await duplicateCount(platform, EventTypes.NominationSubmitted)) - duplicatesBefore === 3 ? true : undefined,
    );
    const rows = await raw.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM scoring.scores WHERE nomination_id = $1)::int + (SELECT count(*) FROM ranking.entries WHERE nomination_id = $1)::int
         + (SELECT count(*) FROM notification.contacts WHERE nomination_id = $1)::int AS n`,
      [submitted.data.nominationId],
    );
    expect(rows[0].n).toBe(3);
    expect((await scoreRow(submitted.data.nominationId)).total).toBe('30.00');
  });

  it('should keep the newest amendment when version 3 arrives before version 2', async () => {
    const id = randomUUID();
    const submitted = validEvents.submitted(edition, id);
    const v3 = validEvents.amended(edition, id, 3, 90, 'v3@bungokab.go.id');
    const v2 = validEvents.amended(edition, id, 2, 20, 'v2@bungokab.go.id');

    await raw.produceEvent(submitted);
    await raw.produceEvent(v3);
    const at = await raw.produceEvent(v2);
    await expectProcessed(v2, at, ['scoring', 'notification']);

    expect((await scoreRow(id)).indicators.participants.wageEarners).toBe(90);
    expect((await scoreRow(id)).total).toBe('54.00');
    expect((await contactRow(id)).contact.email).toBe('v3@bungokab.go.id');
  });

  it('should keep an amendment that arrives before its submission', async () => {
    const id = randomUUID();
    const v2 = validEvents.amended(edition, id, 2, 70, 'v2@bungokab.go.id');
    const submitted = validEvents.submitted(edition, id);

    await raw.produceEvent(v2);
    const at = await raw.produceEvent(submitted);
    await expectProcessed(submitted, at);

    expect((await scoreRow(id)).indicators.participants.wageEarners).toBe(70);
    expect((await contactRow(id)).contact.email).toBe('v2@bungokab.go.id');
    expect((await entryRow(id)).nominee).toEqual(submitted.data.nominee);
  });

  it('should keep a nomination withdrawn when its withdrawal arrives before its submission', async () => {
    const id = randomUUID();
    const withdrawn = validEvents.withdrawn(edition, id);
    const submitted = validEvents.submitted(edition, id);

    await raw.produceEvent(withdrawn);
    const at = await raw.produceEvent(submitted);
    await expectProcessed(submitted, at);

    expect((await scoreRow(id)).withdrawn_at).not.toBeNull();
    expect((await entryRow(id)).withdrawn_at).not.toBeNull();
    const board = await http<{ standings: Array<{ nominationId: string }> }>(
      'GET',
      `${platform.urls.ranking}/v1/boards/${encodeURIComponent(`${edition}:provincial:15:regency`)}`,
      admin,
    );
    expect(board.body.standings.map((s) => s.nominationId)).not.toContain(id);
  });

  it('should keep the newest score when an older one arrives after it', async () => {
    const id = randomUUID();
    const older = validEvents.score(edition, id, 40);
    const newer = { ...validEvents.score(edition, id, 80) };
    older.data.calculatedAt = new Date(Date.now() - 60_000).toISOString();

    await raw.produceEvent(newer);
    const at = await raw.produceEvent(older);
    await expectProcessed(older, at);

    expect((await entryRow(id)).total).toBe('80.00');
  });
});

async function duplicateCount(platform: Platform, type: string): Promise<number> {
  const text = await (await fetch(`${platform.urls.scoring}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`paritrana_events_duplicate_total{type="${type}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}
