import type { EditionDefinition, Rubric } from '@paritrana/contracts';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compactJwt,
  developmentTokenFor,
  hs256Signer,
  keycloakClaims,
  OpenApiAnswers,
  signOidcToken,
  SmtpSink,
  testOidcKey,
  tokenFor,
  waitFor,
} from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import {
  AUTHORIZATION_TABLE,
  authorizationCases,
  OTHER_PROVINCE,
  OWN_PROVINCE,
  outcomeOf,
  principal,
  PRINCIPALS,
  type EndpointRule,
  type PrincipalId,
  type Seen,
  type Service,
} from '../../tools/authz/authorization-table';
import { openRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  json: () => unknown;
}
interface Call {
  method: string;
  url: string;
  body?: unknown;
  /** The status the table states; the batch answers 200 and each item with its own. */
  statusOf?: (answer: Answer) => number;
}

const JAMBI = ['15.01', '15.02', '15.03', '15.04', '15.05', '15.06', '15.07', '15.08', '15.09', '15.71', '15.72'];
const PUBLISHABLE = ['pub-1', 'pub-2', 'pub-3', 'pub-4', 'pub-5', 'pub-6'];
/** A key pair the issuer never published, under the kid of its real key. */
const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/** The bearer token of each principal: the suites' OpenID Connect issuer's, forged ones, or a development token. */
function token(who: PrincipalId): string | undefined {
  const { credential, label } = principal(who);
  const admin = keycloakClaims({ sub: who, name: label, roles: ['admin', 'offline_access'] });
  const secret = process.env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
  switch (credential.kind) {
    case 'none':
      return undefined;
    case 'malformed':
      return 'not.a.jwt';
    case 'expired':
      return signOidcToken({ ...admin, iat: Math.floor(Date.now() / 1000) - 960, exp: Math.floor(Date.now() / 1000) - 60 });
    case 'foreign-key':
      return signOidcToken(admin, { kid: testOidcKey().kid, key: foreignKey });
    case 'unsigned':
      return compactJwt({ alg: 'none', typ: 'JWT' }, admin);
    case 'hs256-public-key':
      return compactJwt({ alg: 'HS256', typ: 'JWT', kid: testOidcKey().kid }, admin, hs256Signer(testOidcKey().publicPem));
    case 'wrong-issuer':
      return signOidcToken({ ...admin, iss: 'http://127.0.0.1:8080/realms/elsewhere' });
    case 'wrong-audience':
      return signOidcToken({ ...admin, aud: ['account', 'paritrana-console'] });
    case 'development-wrong-secret':
      return signToken(`${secret}-but-not-quite`, { sub: who, name: label, role: 'admin' });
    case 'roles':
      return signOidcToken(keycloakClaims({ sub: who, name: label, roles: [...credential.roles] }));
    case 'token': {
      const holder = {
        sub: who,
        name: label,
        role: credential.role,
        ...(credential.provinces ? { provinces: [...credential.provinces] } : {}),
      };
      return 'development' in credential ? developmentTokenFor(holder) : tokenFor(holder);
    }
  }
}

/** Each principal's token, signed once (the matrix sends it many times). */
const tokens = new Map<PrincipalId, string | undefined>();
function authorizationHeader(who: PrincipalId): string | undefined {
  if (!tokens.has(who)) tokens.set(who, token(who));
  const bearer = tokens.get(who);
  return bearer === undefined ? undefined : `Bearer ${bearer}`;
}

async function send(call: Call, who: PrincipalId): Promise<Answer> {
  const authorization = authorizationHeader(who);
  const response = await fetch(call.url, {
    method: call.method,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), text, json: () => JSON.parse(text) };
}

const SERVICES = ['intake', 'scoring', 'ranking', 'notification'] as const;
/** The committed OpenAPI documents (docs/openapi/), which the web console's API client is generated from. */
const committedDocument = (service: Service) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi', `${service}.json`), 'utf8')) as ConstructorParameters<
    typeof OpenApiAnswers
  >[0];
const declared = new Map(SERVICES.map((service) => [service, new OpenApiAnswers(committedDocument(service))]));

/** A data-only rubric: final as soon as it is scored, so its boards can be published at once. */
const dataRubric = (version: number): Rubric => ({ ...openRegencyEdition('x').categories[0].rubrics.provincial!, version });

/** The edition the matrix runs on: a panel-scored category in both tiers, and data-only ones for objects a case uses up. */
function matrixEdition(code: string): EditionDefinition {
  const base = openRegencyEdition(code);
  const data = dataRubric(1);
  const panel: Rubric = {
    ...data,
    criteria: [
      ...data.criteria,
      { code: 'interview', name: 'Wawancara', weight: 40, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } },
    ],
  };
  const category = (code: string, rubric: Rubric) => ({
    ...base.categories[0],
    code,
    tiers: ['provincial' as const, 'national' as const],
    advance: 0,
    rubrics: { provincial: rubric, national: { ...rubric, version: 2 } },
  });
  return {
    ...base,
    schedule: { ...base.schedule, national: base.schedule.provincial },
    categories: [category('regency', panel), ...['intake-1', 'intake-2', 'sent', ...PUBLISHABLE].map((c) => category(c, data))],
  };
}

describe('authorization matrix: every endpoint × every principal, from tools/authz/authorization-table.ts', () => {
  const smtp = new SmtpSink();
  let platform: Platform;
  const edition = `az${Date.now().toString(36)}`;
  const board = (tier: 'provincial' | 'national', scope: string, category = 'regency') => `${edition}:${tier}:${scope}:${category}`;
  const seeded = { own: '', other: '', national: '', published: board('provincial', OWN_PROVINCE, 'sent') };
  const url = (service: Service, path: string) => `${platform.urls[service]}${path}`;
  const as = (who: PrincipalId, method: string, service: Service, path: string, body?: unknown) =>
    send({ method, url: url(service, path), body }, who);

  const publishable = [...PUBLISHABLE];
  const slots = ['intake-1', 'intake-2'].flatMap((category) => JAMBI.map((code) => ({ category, code })));
  const nominationBody = (category: string, code: string, tier: 'provincial' | 'national' = 'provincial') => ({
    ...regencyNomination(edition, code, `setda-${code}@example.go.id`, 40_000, 60_000, 'perda'),
    category,
    tier,
  });
  /** A new nomination of 15 for a case that stores one; a refused case sends the seeded nominee again (409 if it got through). */
  const newJambiBody = (allowed: boolean) => {
    if (!allowed) return nominationBody('regency', JAMBI[0]);
    const slot = slots.shift();
    if (!slot) throw new Error('No nominee left to nominate; add a category to matrixEdition');
    return nominationBody(slot.category, slot.code);
  };
  const nominate = async (body: unknown): Promise<string> => {
    const answer = await as('secretariat', 'POST', 'intake', '/v1/nominations', body);
    expect(answer.status).toBe(201);
    return (answer.json() as { id: string }).id;
  };
  const readyBoard = (boardId: string, final: boolean) =>
    waitFor(`board ${boardId}`, async () => {
      const answer = await as('secretariat', 'GET', 'ranking', `/v1/boards/${boardId}`);
      const standings = answer.status === 200 ? (answer.json() as { standings: Array<{ status: string }> }).standings : [];
      return standings.length > 0 && (!final || standings.every((s) => s.status === 'final')) ? boardId : undefined;
    });
  /** A board of its own for a case that publishes it: one nominee of 15, scored final. */
  const publishableBoard = async (tier: 'provincial' | 'national') => {
    const category = publishable.shift();
    if (!category) throw new Error('No publishable category left; add one to PUBLISHABLE');
    await nominate(nominationBody(category, JAMBI[0], tier));
    return readyBoard(board(tier, tier === 'provincial' ? OWN_PROVINCE : 'national', category), true);
  };

  const seen = (items: Array<{ tier: string; place: string }>): Seen[] =>
    [
      ...new Set(
        items.map(({ tier, place }) =>
          tier === 'national' ? 'national' : place === OWN_PROVINCE ? 'own' : place === OTHER_PROVINCE ? 'other' : `province ${place}`,
        ),
      ),
    ].sort() as Seen[];
  const seenNominations = (answer: Answer) =>
    seen((answer.json() as { items: Array<{ tier: string; province: string }> }).items.map((n) => ({ tier: n.tier, place: n.province })));
  const seenBoards = (answer: Answer) =>
    seen((answer.json() as { boards: Array<{ tier: string; scope: string }> }).boards.map((b) => ({ tier: b.tier, place: b.scope })));

  const assessment = (nominationId: string) => ({ nominationId, round: 'interview', scores: { interview: 80 }, conflictOfInterest: false });
  let editionsDefined = 0;

  /** The request of each endpoint of the table; `allowed` cases that use their object up get one of their own. */
  const requests: Record<string, (allowed: boolean) => Promise<Call>> = {
    'editions.define': async () => ({
      method: 'POST',
      url: url('intake', '/v1/editions'),
      body: openRegencyEdition(`${edition}d${editionsDefined++}`),
    }),
    'editions.list': async () => ({ method: 'GET', url: url('intake', '/v1/editions') }),
    'editions.get': async () => ({ method: 'GET', url: url('intake', `/v1/editions/${edition}`) }),
    'stats.nominations': async () => ({ method: 'GET', url: url('intake', `/v1/stats/nominations?edition=${edition}`) }),
    'regions.search': async () => ({ method: 'GET', url: url('intake', '/v1/regions?province=15&level=regency&q=bungo') }),
    'nominations.submit': async (allowed) => ({ method: 'POST', url: url('intake', '/v1/nominations'), body: newJambiBody(allowed) }),
    'nominations.batch': async (allowed) => ({
      method: 'POST',
      url: url('intake', '/v1/nominations/batch'),
      body: [newJambiBody(allowed)],
      statusOf: (answer) =>
        answer.status === 200 ? (answer.json() as { results: Array<{ status: number }> }).results[0].status : answer.status,
    }),
    'nominations.list': async () => ({ method: 'GET', url: url('intake', `/v1/nominations?edition=${edition}&pageSize=500`) }),
    'nominations.list-province': async () => ({
      method: 'GET',
      url: url('intake', `/v1/nominations?edition=${edition}&province=${OWN_PROVINCE}&pageSize=500`),
    }),
    'nominations.get': async () => ({ method: 'GET', url: url('intake', `/v1/nominations/${seeded.own}`) }),
    'nominations.get-national': async () => ({ method: 'GET', url: url('intake', `/v1/nominations/${seeded.national}`) }),
    'nominations.amend': async () => ({
      method: 'PATCH',
      url: url('intake', `/v1/nominations/${seeded.own}`),
      body: { contact: { name: 'Sekretariat Daerah Kabupaten Kerinci', email: 'setda@kerincikab.go.id' } },
    }),
    'nominations.withdraw': async (allowed) => ({
      method: 'POST',
      url: url('intake', `/v1/nominations/${allowed ? await nominate(newJambiBody(true)) : seeded.own}/withdraw`),
      body: { reason: 'uji otorisasi' },
    }),
    'audit.list': async () => ({ method: 'GET', url: url('intake', `/v1/audit?nominationId=${seeded.own}`) }),
    'audit.list-scoring': async () => ({ method: 'GET', url: url('scoring', `/v1/audit?nominationId=${seeded.own}`) }),
    'audit.list-ranking': async () => ({ method: 'GET', url: url('ranking', '/v1/audit?action=board.published') }),
    'assessments.record': async () => ({ method: 'POST', url: url('scoring', '/v1/assessments'), body: assessment(seeded.own) }),
    'assessments.record-national': async () => ({
      method: 'POST',
      url: url('scoring', '/v1/assessments'),
      body: assessment(seeded.national),
    }),
    'assessments.queue': async () => ({ method: 'GET', url: url('scoring', `/v1/assessments/queue?edition=${edition}`) }),
    'assessments.mine': async () => ({ method: 'GET', url: url('scoring', `/v1/assessments/mine?edition=${edition}`) }),
    'assessments.list': async () => ({ method: 'GET', url: url('scoring', `/v1/assessments?nominationId=${seeded.own}`) }),
    'assessments.list-national': async () => ({ method: 'GET', url: url('scoring', `/v1/assessments?nominationId=${seeded.national}`) }),
    'scores.get': async () => ({ method: 'GET', url: url('scoring', `/v1/scores/${seeded.own}`) }),
    'scores.get-national': async () => ({ method: 'GET', url: url('scoring', `/v1/scores/${seeded.national}`) }),
    'scores.export': async () => ({ method: 'GET', url: url('scoring', `/v1/scores/export?boardId=${board('provincial', OWN_PROVINCE)}`) }),
    'scores.export-national': async () => ({
      method: 'GET',
      url: url('scoring', `/v1/scores/export?boardId=${board('national', 'national')}`),
    }),
    'scores.progress': async () => ({
      method: 'GET',
      url: url('scoring', `/v1/scores/progress?boardId=${board('provincial', OWN_PROVINCE)}`),
    }),
    'stats.scores': async () => ({ method: 'GET', url: url('scoring', `/v1/stats/scores?edition=${edition}`) }),
    'boards.list': async () => ({ method: 'GET', url: url('ranking', `/v1/boards?edition=${edition}`) }),
    'results.list': async () => ({ method: 'GET', url: url('ranking', `/v1/results?edition=${edition}`) }),
    'previews.board': async () => ({
      method: 'POST',
      url: url('notification', '/v1/previews/board'),
      body: {
        boardId: board('provincial', OWN_PROVINCE),
        winners: [{ nominationId: seeded.own, rank: 1, title: 'Terbaik I', total: 80 }],
      },
    }),
    'boards.get': async () => ({ method: 'GET', url: url('ranking', `/v1/boards/${board('provincial', OWN_PROVINCE)}`) }),
    'boards.get-national': async () => ({ method: 'GET', url: url('ranking', `/v1/boards/${board('national', 'national')}`) }),
    'boards.export': async () => ({ method: 'GET', url: url('ranking', `/v1/boards/${board('provincial', OWN_PROVINCE)}/export`) }),
    'boards.publish': async (allowed) => ({
      method: 'POST',
      url: url('ranking', `/v1/boards/${allowed ? await publishableBoard('provincial') : board('provincial', OWN_PROVINCE)}/publish`),
    }),
    'boards.publish-national': async (allowed) => ({
      method: 'POST',
      url: url('ranking', `/v1/boards/${allowed ? await publishableBoard('national') : board('national', 'national')}/publish`),
    }),
    'stats.boards': async () => ({ method: 'GET', url: url('ranking', `/v1/stats/boards?edition=${edition}`) }),
    'notifications.list': async () => ({ method: 'GET', url: url('notification', `/v1/notifications?boardId=${seeded.published}`) }),
    'stats.deliveries': async () => ({ method: 'GET', url: url('notification', `/v1/stats/deliveries?edition=${edition}`) }),
  };
  /** The API's own endpoints (public ones included), described in the OpenAPI documents; health, metrics and docs are not. */
  const documented = (rule: EndpointRule) => rule.path.startsWith('/v1/');
  const requestFor = (rule: EndpointRule, allowed: boolean): Promise<Call> =>
    documented(rule) ? requests[rule.id](allowed) : Promise.resolve({ method: rule.method, url: url(rule.service, rule.path) });
  const seenBy: Record<string, (answer: Answer) => Seen[]> = {
    'nominations.list': seenNominations,
    'nominations.list-province': seenNominations,
    'stats.nominations': (answer) =>
      seen(
        (answer.json() as { categories: Array<{ tier: string; province: string }> }).categories.map((c) => ({
          tier: c.tier,
          place: c.province,
        })),
      ),
    'boards.list': seenBoards,
    'assessments.queue': (answer) =>
      seen(
        (answer.json() as { nominations: Array<{ tier: string; province: string }> }).nominations.map((n) => ({
          tier: n.tier,
          place: n.province,
        })),
      ),
  };

  /** The same call on objects that do not exist, and how to read its answer back as if it were about the real ones. */
  /** The same call on objects that do not exist. */
  const withoutTheObject = (call: Call): Call => {
    const pairs = [
      ...[seeded.own, seeded.national].map((id) => [id, randomUUID()]),
      ...(
        [
          ['provincial', OWN_PROVINCE],
          ['national', 'national'],
        ] as const
      ).map(([tier, scope]) => [board(tier, scope), board(tier, scope, 'ghost')]),
    ];
    const swap = (text: string) => pairs.reduce((t, [from, to]) => t.replaceAll(from, to), text);
    const body = call.body === undefined ? undefined : JSON.parse(swap(JSON.stringify(call.body)));
    return { ...call, url: swap(call.url), body };
  };
  const cases = authorizationCases();
  const tally = new Map<string, number>();

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatform({ SMTP_URL: smtp.url, MAIL_FROM: 'Paritrana Award <noreply@paritrana.test>' });
    expect((await as('secretariat', 'POST', 'intake', '/v1/editions', matrixEdition(edition))).status).toBe(201);
    seeded.own = await nominate(nominationBody('regency', JAMBI[0]));
    seeded.other = await nominate(nominationBody('regency', '16.01'));
    seeded.national = await nominate(nominationBody('regency', JAMBI[1], 'national'));
    await nominate(nominationBody('sent', JAMBI[2]));
    for (const id of [seeded.own, seeded.other, seeded.national]) {
      await waitFor(`the score of ${id}`, async () =>
        (await as('secretariat', 'GET', 'scoring', `/v1/scores/${id}`)).status === 200 ? id : undefined,
      );
    }
    await readyBoard(board('provincial', OWN_PROVINCE), false);
    await readyBoard(board('provincial', OTHER_PROVINCE), false);
    await readyBoard(board('national', 'national'), false);
    await readyBoard(seeded.published, true);
    expect((await as('secretariat', 'POST', 'ranking', `/v1/boards/${seeded.published}/publish`)).status).toBe(200);
    await waitFor('the published board’s delivery', async () => {
      const log = (await as('secretariat', 'GET', 'notification', `/v1/notifications?boardId=${seeded.published}`)).json() as {
        deliveries: Array<{ status: string }>;
      };
      return log.deliveries.some((d) => d.status === 'sent') ? log : undefined;
    });
  }, 300_000);

  afterAll(async () => {
    await platform?.close();
    await smtp.stop();
    const outcomes = [...tally].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    process.stdout.write(
      `Authorization matrix: ${AUTHORIZATION_TABLE.length} endpoints × ${PRINCIPALS.length} principals = ${cases.length} cases (${outcomes})\n`,
    );
  });

  it('should serve the committed OpenAPI documents', async () => {
    for (const service of SERVICES) {
      expect((await as('anonymous', 'GET', service, '/docs-json')).json()).toEqual(committedDocument(service));
    }
  });

  it('should state a rule for every route the services serve, and a request for every rule', async () => {
    for (const service of SERVICES) {
      const document = (await as('anonymous', 'GET', service, '/docs-json')).json() as { paths: Record<string, Record<string, unknown>> };
      const served = Object.entries(document.paths)
        .flatMap(([path, operations]) =>
          Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
        )
        .sort();
      const stated = AUTHORIZATION_TABLE.filter((r) => r.service === service && documented(r)).map(
        (r) => `${r.method} ${r.path.split('?')[0]}`,
      );

      expect([...new Set(stated)].sort()).toEqual(served);
    }
    expect(
      AUTHORIZATION_TABLE.filter(documented)
        .map((r) => r.id)
        .sort(),
    ).toEqual(Object.keys(requests).sort());
  });

  it('should count the seeded nominations, scores, boards and emails by province for the secretariat (before any case adds its own)', async () => {
    const stats = async (service: Service, what: string) =>
      (await as('secretariat', 'GET', service, `/v1/stats/${what}?edition=${edition}`)).json() as Record<string, unknown>;

    expect(await stats('intake', 'nominations')).toEqual({
      edition,
      provinces: [
        { tier: 'provincial', province: OWN_PROVINCE, submitted: 2, withdrawn: 0 },
        { tier: 'provincial', province: OTHER_PROVINCE, submitted: 1, withdrawn: 0 },
        { tier: 'national', province: OWN_PROVINCE, submitted: 1, withdrawn: 0 },
      ],
      categories: [
        { tier: 'provincial', province: OWN_PROVINCE, category: 'regency', submitted: 1, withdrawn: 0 },
        { tier: 'provincial', province: OWN_PROVINCE, category: 'sent', submitted: 1, withdrawn: 0 },
        { tier: 'provincial', province: OTHER_PROVINCE, category: 'regency', submitted: 1, withdrawn: 0 },
        { tier: 'national', province: OWN_PROVINCE, category: 'regency', submitted: 1, withdrawn: 0 },
      ],
    });
    expect(await stats('scoring', 'scores')).toEqual({
      edition,
      provinces: [
        { tier: 'provincial', province: OWN_PROVINCE, provisional: 1, final: 1, ineligible: 0, withdrawn: 0 },
        { tier: 'provincial', province: OTHER_PROVINCE, provisional: 1, final: 0, ineligible: 0, withdrawn: 0 },
        { tier: 'national', province: OWN_PROVINCE, provisional: 1, final: 0, ineligible: 0, withdrawn: 0 },
      ],
    });
    const progress = (boardId: string, status: string, provisional: number, final: number) =>
      expect.objectContaining({ boardId, status, provisional, final, ineligible: 0 });
    expect(await stats('ranking', 'boards')).toEqual({
      edition,
      boards: expect.arrayContaining([
        progress(board('provincial', OWN_PROVINCE), 'open', 1, 0),
        progress(board('provincial', OTHER_PROVINCE), 'open', 1, 0),
        progress(board('national', 'national'), 'open', 1, 0),
        progress(seeded.published, 'published', 0, 1),
      ]),
    });
    expect(await stats('notification', 'deliveries')).toEqual({
      edition,
      provinces: [{ tier: 'provincial', province: OWN_PROVINCE, pending: 0, sent: 1, failed: 0 }],
    });
  });

  it.each(cases)('$rule.id ($rule.method $rule.path, $rule.target) as $who → $status', async ({ rule, who, status }) => {
    const outcome = outcomeOf(rule, who);
    const call = await requestFor(rule, outcome === 'allowed');

    const answer = await send(call, who);

    const actual = call.statusOf ? call.statusOf(answer) : answer.status;
    expect({ status: actual, ...(actual === status ? {} : { body: answer.text.slice(0, 500) }) }).toEqual({ status });
    if (documented(rule)) {
      expect(declared.get(rule.service)!.problems(call.method, call.url, answer.status, answer.contentType, answer.text)).toEqual([]);
    }
    const sees = rule.sees?.[who];
    if (outcome === 'allowed' && sees) expect(seenBy[rule.id](answer)).toEqual([...sees].sort());
    const { credential } = principal(who);
    if (outcome === 'unauthenticated' || (outcome === 'forbidden' && 'code' in credential)) {
      expect((answer.json() as { code: string }).code).toBe('code' in credential ? credential.code : 'a refused credential’s code');
    }
    if (outcome === 'out-of-scope') {
      expect((answer.json() as { code: string }).code).toMatch(/_OUT_OF_SCOPE$/);
      const ghost = withoutTheObject(call);
      expect(`${ghost.url} ${JSON.stringify(ghost.body)}`).not.toBe(`${call.url} ${JSON.stringify(call.body)}`);
      expect((await send(ghost, who)).status).toBe(404);
    }
    tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
  });
});
