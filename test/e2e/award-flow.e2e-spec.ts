import { ALL_TOPICS, EventTypes, EventValidator, Topics, type CloudEvent, type RankingPublished } from '@paritrana/contracts';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { http, parseOrSkip, SmtpSink, tokenFor, waitFor } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { openRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

interface Board {
  boardId: string;
  status: string;
  standings: Array<{ rank: number; title?: string; nominationId: string; nominee: { name: string }; total: number; status: string }>;
}

describe('an award from edition to winners’ email (real Kafka, Postgres and SMTP)', () => {
  const smtp = new SmtpSink();
  let platform: Platform;
  const edition = `e2e${Date.now().toString(36)}`;
  const boardId = `${edition}:provincial:15:regency`;
  const secretariat = tokenFor({ sub: 'sekretariat-1', role: 'secretariat' });
  const kanwilSumbagsel = tokenFor({ sub: 'kanwil-sumbagsel', role: 'regional-office', provinces: ['15', '16'] });
  const kanwilBali = tokenFor({ sub: 'kanwil-bali', role: 'regional-office', provinces: ['51'] });
  const chairJambi = tokenFor({ sub: 'sekda-jambi', role: 'panel-chair', provinces: ['15'] });
  const ids: Record<string, string> = {};
  const rankingEvents: CloudEvent[] = [];
  const rawRankingMessages: string[] = [];
  let secretariatConsumer: Consumer;
  let contractConsumer: Consumer;
  const produced: Array<{ topic: string; value: string }> = [];

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatform({ SMTP_URL: smtp.url, MAIL_FROM: 'Paritrana Award <noreply@paritrana.test>' });
    const kafka = new Kafka({ clientId: 'secretariat', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    secretariatConsumer = kafka.consumer({ groupId: `secretariat-${randomUUID()}` });
    await secretariatConsumer.connect();
    await secretariatConsumer.subscribe({ topic: Topics.Rankings, fromBeginning: true });
    const validator = new EventValidator();
    contractConsumer = kafka.consumer({ groupId: `contract-${randomUUID()}` });
    await contractConsumer.connect();
    await contractConsumer.subscribe({ topics: [...ALL_TOPICS], fromBeginning: true });
    await contractConsumer.run({
      eachMessage: async ({ topic, message }) => void produced.push({ topic, value: message.value?.toString() ?? '' }),
    });
    await secretariatConsumer.run({
      eachMessage: async ({ message }) => {
        // Other suites put poison on this topic; the secretariat skips what is not a valid event.
        const event = parseOrSkip(validator, message.value);
        if (event?.subject !== boardId) return;
        rawRankingMessages.push(message.value!.toString());
        rankingEvents.push(event);
      },
    });
  });

  afterAll(async () => {
    await secretariatConsumer?.disconnect();
    await contractConsumer?.disconnect();
    await platform?.close();
    await smtp.stop();
  });

  it('should answer health, metrics and docs on every service', async () => {
    for (const url of Object.values(platform.urls)) {
      expect((await http('GET', `${url}/health/live`)).status).toBe(200);
      expect(await http('GET', `${url}/health/ready`)).toEqual({
        status: 200,
        body: { status: 'ok', checks: { database: 'up', kafka: 'up' } },
      });
      const metrics = await fetch(`${url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('paritrana_http_request_seconds');
      expect((await fetch(`${url}/docs`)).status).toBe(200);
    }
  });

  it('should define the edition', async () => {
    const created = await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, openRegencyEdition(edition));
    expect(created.status).toBe(201);

    const again = await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, openRegencyEdition(edition));
    expect(again.status).toBe(409);
  });

  it('should accept nominations of the regional office’s provinces only', async () => {
    const nominees = [
      ['bungo', '15.08', 40870, 61000, 'perda'],
      ['muaroJambi', '15.05', 36000, 60000, 'decree'],
      ['kotaJambi', '15.71', 44000, 80000, 'decree'],
    ] as const;
    for (const [key, code, participants, workforce, level] of nominees) {
      const response = await http<{ id: string; status: string }>(
        'POST',
        `${platform.urls.intake}/v1/nominations`,
        kanwilSumbagsel,
        regencyNomination(edition, code, `${key}@example.go.id`, participants, workforce, level),
      );
      expect(response.status).toBe(201);
      expect(response.body.status).toBe('submitted');
      ids[key] = response.body.id;
    }

    const outside = await http(
      'POST',
      `${platform.urls.intake}/v1/nominations`,
      kanwilBali,
      regencyNomination(edition, '15.09', 'x@example.go.id', 1, 2, 'none'),
    );
    expect(outside.status).toBe(403);
    const duplicate = await http(
      'POST',
      `${platform.urls.intake}/v1/nominations`,
      kanwilSumbagsel,
      regencyNomination(edition, '15.08', 'again@example.go.id', 1, 2, 'none'),
    );
    expect(duplicate.status).toBe(409);
    const unauthenticated = await http(
      'POST',
      `${platform.urls.intake}/v1/nominations`,
      undefined,
      regencyNomination(edition, '15.09', 'x@example.go.id', 1, 2, 'none'),
    );
    expect(unauthenticated.status).toBe(401);
  });

  it('should refuse an invalid nomination listing every bad field', async () => {
    const body = { ...regencyNomination(edition, '16.71', 'x@example.go.id', 70, 50, 'sometimes'), province: '15' };

    const response = await http<{ errors: Array<{ path: string }> }>(
      'POST',
      `${platform.urls.intake}/v1/nominations`,
      kanwilSumbagsel,
      body,
    );

    expect(response.status).toBe(422);
    expect(response.body.errors.map((e) => e.path).sort()).toEqual([
      'indicators.participants.wageEarners',
      'indicators.regulation.level',
      'nominee.regionCode',
    ]);
  });

  it('should drop a withdrawn nomination from the board and mail an amended contact', async () => {
    const tebo = await http<{ id: string }>(
      'POST',
      `${platform.urls.intake}/v1/nominations`,
      kanwilSumbagsel,
      regencyNomination(edition, '15.09', 'tebo@example.go.id', 59_000, 60_000, 'perda'),
    );
    await waitFor('Tebo on the board', async () => {
      const board = await http<Board>('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, chairJambi);
      return board.body.standings.some((s) => s.nominationId === tebo.body.id) ? true : undefined;
    });

    const withdrawn = await http('POST', `${platform.urls.intake}/v1/nominations/${tebo.body.id}/withdraw`, kanwilSumbagsel, {
      reason: 'Mengundurkan diri',
    });
    const amended = await http('PATCH', `${platform.urls.intake}/v1/nominations/${ids.muaroJambi}`, kanwilSumbagsel, {
      contact: { name: 'Sekretariat Daerah Kab. Muaro Jambi', email: 'setda-baru@example.go.id' },
    });

    expect([withdrawn.status, amended.status]).toEqual([200, 200]);
    await waitFor('Tebo to leave the board', async () => {
      const board = await http<Board>('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, chairJambi);
      return board.body.standings.some((s) => s.nominationId === tebo.body.id) ? undefined : true;
    });
  });

  it('should score and rank the nominations on the Jambi board', async () => {
    const board = await waitFor('three final standings', async () => {
      const response = await http<Board>('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, chairJambi);
      return response.status === 200 && response.body.standings.filter((s) => s.status === 'final').length === 3
        ? response.body
        : undefined;
    });

    expect(board.standings.map((s) => [s.rank, s.title, s.nominee.name, s.total])).toEqual([
      [1, 'Terbaik I', 'Kabupaten Bungo', 80.2],
      [2, 'Terbaik II', 'Kabupaten Muaro Jambi', 60],
      [3, 'Terbaik III', 'Kota Jambi', 57],
    ]);
    const score = await http<{ criteria: unknown[]; total: number }>(
      'GET',
      `${platform.urls.scoring}/v1/scores/${ids.bungo}`,
      kanwilSumbagsel,
    );
    expect(score.body).toMatchObject({
      status: 'final',
      total: 80.2,
      rubricVersion: 1,
      criteria: [
        { code: 'coverage_pu', weight: 60, value: 0.67, subScore: 67, contribution: 40.2 },
        { code: 'regulation', weight: 40, value: 'perda', subScore: 100, contribution: 40 },
      ],
    });
    const otherProvince = await http('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, kanwilBali);
    expect(otherProvince.status).toBe(403);
  });

  it('should publish the board once and email each winner exactly once', async () => {
    const published = await http<RankingPublished>('POST', `${platform.urls.ranking}/v1/boards/${boardId}/publish`, chairJambi);
    expect(published.status).toBe(200);
    expect(published.body.standings).toHaveLength(3);

    // Other suites' boards may be announced to this mail server too (their events outlive their services).
    const ours = () => smtp.messages.filter((m) => m.parsed.text?.includes(`Paritrana Award ${edition} `));
    const mails = await waitFor('three emails', async () => (ours().length >= 3 ? ours() : undefined));
    const bungo = mails.find((m) => m.envelopeTo.includes('bungo@example.go.id'));
    expect(bungo?.parsed.subject).toContain('Paritrana Award');
    expect(bungo?.parsed.subject).toContain('Terbaik I');
    expect(bungo?.parsed.subject).toContain('Pemerintah Kabupaten/Kota');
    expect(bungo?.parsed.text).toContain(`Paritrana Award ${edition}`);
    expect(bungo?.parsed.text).toContain('Provinsi Jambi');
    expect(bungo?.parsed.text).toContain('peringkat 1');
    expect(bungo?.parsed.text).toContain('80,20');
    expect(bungo?.parsed.html).toContain('Kabupaten Bungo');
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual(
      ['bungo@example.go.id', 'kotaJambi@example.go.id', 'setda-baru@example.go.id'].sort(),
    );

    const log = await waitFor('the delivery log', async () => {
      const response = await http<{ deliveries: Array<{ status: string; messageId: string }> }>(
        'GET',
        `${platform.urls.notification}/v1/notifications?boardId=${boardId}`,
        secretariat,
      );
      return response.body.deliveries.every((d) => d.status === 'sent') && response.body.deliveries.length === 3
        ? response.body.deliveries
        : undefined;
    });
    expect(log.map((d) => d.messageId).sort()).toEqual(mails.map((m) => m.parsed.messageId).sort());

    const again = await http('POST', `${platform.urls.ranking}/v1/boards/${boardId}/publish`, chairJambi);
    expect(again.status).toBe(409);
    const audit = await http<{
      entries: Array<{ actor: string; actorRole: string; action: string; province: string; details: Record<string, unknown> }>;
    }>('GET', `${platform.urls.ranking}/v1/audit?actor=sekda-jambi`, secretariat);
    expect(audit.body.entries.filter((e) => e.details.boardId === boardId)).toEqual([
      expect.objectContaining({
        actor: 'sekda-jambi',
        actorRole: 'panel-chair',
        action: 'board.published',
        province: '15',
        details: { boardId, winners: published.body.standings.map((s) => s.nominationId), standings: 3 },
      }),
    ]);
    // An email is only ever sent for a delivery in the log; the refused publication planned none.
    const after = await http<{ deliveries: Array<{ status: string; messageId: string }> }>(
      'GET',
      `${platform.urls.notification}/v1/notifications?boardId=${boardId}`,
      secretariat,
    );
    expect(after.body.deliveries).toEqual(log);
    expect(ours()).toHaveLength(3);
  });

  it('should list boards within scope and export a board as CSV', async () => {
    const listed = async (token: string) =>
      (
        await http<{ boards: Array<{ boardId: string; status: string }> }>(
          'GET',
          `${platform.urls.ranking}/v1/boards?edition=${edition}`,
          token,
        )
      ).body.boards;

    expect(await listed(chairJambi)).toEqual([expect.objectContaining({ boardId, status: 'published' })]);
    expect(await listed(kanwilBali)).toEqual([]);
    const csv = await fetch(`${platform.urls.ranking}/v1/boards/${boardId}/export`, { headers: { authorization: `Bearer ${chairJambi}` } });
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`${boardId},published,1,Terbaik I,${ids.bungo},Kabupaten Bungo,regency,15.08,,80.2,final,`);
    expect(
      (await fetch(`${platform.urls.ranking}/v1/boards/${boardId}/export`, { headers: { authorization: `Bearer ${kanwilBali}` } })).status,
    ).toBe(403);
  });

  it('should stream the standings and the published board, without contact details, to the secretariat', async () => {
    const published = await waitFor('the published event', async () => rankingEvents.find((e) => e.type === EventTypes.RankingPublished));

    expect(rankingEvents.filter((e) => e.type === EventTypes.RankingPublished)).toHaveLength(1);
    const updates = rankingEvents.filter((e) => e.type === EventTypes.RankingUpdated) as CloudEvent<typeof EventTypes.RankingUpdated>[];
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) expect(update.data.standings.map((s) => s.rank)).toEqual(update.data.standings.map((_, i) => i + 1));
    expect(published).toMatchObject({
      specversion: '1.0',
      source: '/paritrana/ranking',
      subject: boardId,
      datacontenttype: 'application/json',
    });
    expect(published.data).toMatchObject({
      boardId,
      edition,
      tier: 'provincial',
      scope: '15',
      category: 'regency',
      publishedBy: 'sekda-jambi',
    });
    for (const raw of rawRankingMessages) {
      expect(raw).not.toContain('@example.go.id');
      expect(raw).not.toContain('contact');
    }
  });

  it('should produce only events that docs/asyncapi.yaml describes, on their documented topics', async () => {
    const doc = parse(readFileSync(join(__dirname, '..', '..', 'docs', 'asyncapi.yaml'), 'utf8')) as {
      channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
      components: { messages: Record<string, { name: string; payload: object }> };
    };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schemas = new Map(Object.values(doc.components.messages).map((m) => [m.name, ajv.compile(m.payload)]));
    const topicOf = new Map(
      Object.values(doc.channels).flatMap((c) =>
        Object.values(c.messages).map((ref) => [doc.components.messages[ref.$ref.split('/').pop()!].name, c.address] as const),
      ),
    );
    await waitFor('our notification events', async () =>
      produced.filter((p) => p.value.includes(`"boardId":"${boardId}"`) && p.value.includes(EventTypes.NotificationSent)).length === 3
        ? true
        : undefined,
    );

    // What the four services produced (other suites also put hand-made messages on these topics).
    const ours = produced.filter((p) => /"source":"\/paritrana\/(nomination-intake|scoring|ranking|notification)"/.test(p.value));
    const seen = new Set<string>();
    for (const { topic, value } of ours) {
      const event = JSON.parse(value) as { type: string };
      const validate = schemas.get(event.type);
      expect([event.type, topicOf.get(event.type)]).toEqual([event.type, topic]);
      if (!validate!(JSON.parse(value)))
        throw new Error(`${event.type} does not match docs/asyncapi.yaml: ${ajv.errorsText(validate!.errors)}`);
      seen.add(event.type);
    }
    // Every type this flow produces; a failed notification shows up only when another suite caused one.
    expect([...seen]).toEqual(expect.arrayContaining([...schemas.keys()].filter((type) => type !== EventTypes.NotificationFailed)));
  });
});
