import type { Role } from '@paritrana/contracts';

/**
 * Who may call what (OWASP API1 object-level and API5 function-level authorization), stated once.
 * The integration suite `test/integration/authz-matrix.int-spec.ts` runs every endpoint × principal
 * case generated from this table against the real services, and `docs/authorization.md` is
 * rendered from it (`npm run docs:authz`).
 *
 * The rules: a missing, malformed, expired, unsigned or wrongly signed token, or one of another
 * issuer or audience, answers 401 everywhere but the public endpoints (each with its code); an
 * authentic token naming none or several of our roles answers 403 (ROLE_MISSING, ROLE_AMBIGUOUS);
 * a development token (HS256) acts as the same principal's identity provider token; a role that may not call an endpoint answers 403 whatever the object; an object
 * outside the token's scope answers 403 with a `…_OUT_OF_SCOPE` code to every operation (the
 * contract: anything outside a token's scope is refused), while a missing one answers 404; an
 * object the token may read but not change, or a scope named in the request outside the token,
 * answers 403.
 */

export type Service = 'intake' | 'scoring' | 'ranking' | 'notification';
export type Method = 'GET' | 'POST' | 'PATCH';

/** The seeded objects live in Jambi (15), the "own" province, and Sumatera Selatan (16), the "other" one. */
export const OWN_PROVINCE = '15';
export const OTHER_PROVINCE = '16';

/** Tokens refused whatever the endpoint (but the public ones), and the code they are refused with. */
export type RefusedCredential =
  | { kind: 'none'; code: 'AUTH_REQUIRED' }
  | {
      kind: 'malformed' | 'foreign-key' | 'unsigned' | 'hs256-public-key' | 'development-wrong-secret';
      code: 'AUTH_INVALID';
    }
  | { kind: 'expired'; code: 'AUTH_EXPIRED' }
  | { kind: 'wrong-issuer'; code: 'AUTH_WRONG_ISSUER' }
  | { kind: 'wrong-audience'; code: 'AUTH_WRONG_AUDIENCE' }
  /** Authentic, but its `roles` claim names none (ROLE_MISSING) or two (ROLE_AMBIGUOUS) of our roles: 403. */
  | { kind: 'roles'; roles: readonly string[]; code: 'ROLE_MISSING' | 'ROLE_AMBIGUOUS' };

export type Credential =
  | RefusedCredential
  /** An identity provider's access token (Keycloak's shape), or a development token (HS256, `npm run -s token`). */
  | { kind: 'token'; role: Role; provinces?: readonly string[]; development?: true };

export const PRINCIPALS = [
  { id: 'anonymous', label: 'no token', credential: { kind: 'none', code: 'AUTH_REQUIRED' } },
  { id: 'malformed', label: 'malformed token', credential: { kind: 'malformed', code: 'AUTH_INVALID' } },
  { id: 'expired', label: 'expired token', credential: { kind: 'expired', code: 'AUTH_EXPIRED' } },
  { id: 'forged', label: 'token signed by another key', credential: { kind: 'foreign-key', code: 'AUTH_INVALID' } },
  { id: 'unsigned', label: 'unsigned token (alg none)', credential: { kind: 'unsigned', code: 'AUTH_INVALID' } },
  {
    id: 'hs-public-key',
    label: 'HS256 token signed with the issuer’s public key',
    credential: { kind: 'hs256-public-key', code: 'AUTH_INVALID' },
  },
  { id: 'wrong-issuer', label: 'token of another issuer', credential: { kind: 'wrong-issuer', code: 'AUTH_WRONG_ISSUER' } },
  { id: 'wrong-audience', label: 'token for another audience', credential: { kind: 'wrong-audience', code: 'AUTH_WRONG_AUDIENCE' } },
  {
    id: 'dev-forged',
    label: 'development token signed with another secret',
    credential: { kind: 'development-wrong-secret', code: 'AUTH_INVALID' },
  },
  {
    id: 'no-role',
    label: 'token with none of our roles',
    credential: { kind: 'roles', roles: ['offline_access', 'uma_authorization', 'default-roles-paritrana'], code: 'ROLE_MISSING' },
  },
  {
    id: 'two-roles',
    label: 'token with two of our roles',
    credential: { kind: 'roles', roles: ['admin', 'secretariat', 'offline_access'], code: 'ROLE_AMBIGUOUS' },
  },
  { id: 'admin', label: 'admin', credential: { kind: 'token', role: 'admin' } },
  { id: 'secretariat', label: 'secretariat', credential: { kind: 'token', role: 'secretariat' } },
  { id: 'ro-own', label: 'regional office of 15', credential: { kind: 'token', role: 'regional-office', provinces: ['15'] } },
  { id: 'ro-other', label: 'regional office of 16', credential: { kind: 'token', role: 'regional-office', provinces: ['16'] } },
  {
    id: 'ro-multi',
    label: 'regional office of 15 and 16',
    credential: { kind: 'token', role: 'regional-office', provinces: ['15', '16'] },
  },
  { id: 'assessor-own', label: 'assessor of 15', credential: { kind: 'token', role: 'assessor', provinces: ['15'] } },
  { id: 'assessor-other', label: 'assessor of 16', credential: { kind: 'token', role: 'assessor', provinces: ['16'] } },
  { id: 'assessor-national', label: 'national assessor', credential: { kind: 'token', role: 'assessor' } },
  { id: 'chair-own', label: 'panel chair of 15', credential: { kind: 'token', role: 'panel-chair', provinces: ['15'] } },
  { id: 'chair-other', label: 'panel chair of 16', credential: { kind: 'token', role: 'panel-chair', provinces: ['16'] } },
  { id: 'chair-national', label: 'national panel chair', credential: { kind: 'token', role: 'panel-chair' } },
  {
    id: 'dev-ro-own',
    label: 'development token (HS256) of a regional office of 15',
    credential: { kind: 'token', role: 'regional-office', provinces: ['15'], development: true },
  },
] as const satisfies ReadonlyArray<{ id: string; label: string; credential: Credential }>;

export type PrincipalId = (typeof PRINCIPALS)[number]['id'];
type Authenticated = Exclude<Extract<(typeof PRINCIPALS)[number], { credential: { kind: 'token' } }>['id'], 'dev-ro-own'>;

/**
 * What a listing shows, by the seeded objects: Jambi's provincial ones (`own`), Sumatera Selatan's
 * (`other`) and the national round's (`national`, a Jambi nominee).
 */
export type Seen = 'own' | 'other' | 'national';

export interface EndpointRule {
  /** Unique; the integration suite keys the request it sends by it. */
  id: string;
  service: Service;
  method: Method;
  path: string;
  /** The object the cases address. */
  target: string;
  /** The status when allowed (for the batch: each item's status; the response is 200). */
  success: number;
  public?: boolean;
  allowed: readonly PrincipalId[];
  /** Principals whose token does not cover the object: 403 with a `…_OUT_OF_SCOPE` code. */
  outOfScope?: readonly PrincipalId[];
  /** For listings: what each allowed principal sees, and nothing else. */
  sees?: Readonly<Partial<Record<PrincipalId, readonly Seen[]>>>;
}

export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'out-of-scope';

const NATIONAL: PrincipalId[] = ['admin', 'secretariat'];
const AUTHENTICATED = PRINCIPALS.filter((p) => p.credential.kind === 'token' && !('development' in p.credential)).map((p) => p.id);
const ANYONE = PRINCIPALS.map((p) => p.id);
const WRITERS_OF_OWN: PrincipalId[] = [...NATIONAL, 'ro-own', 'ro-multi'];
const READERS_OF_OWN: PrincipalId[] = [...WRITERS_OF_OWN, 'assessor-own', 'chair-own'];
const NON_READERS_OF_OWN: PrincipalId[] = ['ro-other', 'assessor-other', 'assessor-national', 'chair-other', 'chair-national'];
const ASSESSORS: PrincipalId[] = ['assessor-own', 'assessor-other', 'assessor-national'];
const NON_READERS_OF_OWN_NATIONAL_ROUND: PrincipalId[] = ['ro-other', 'assessor-other', 'chair-other'];

const NOMINATIONS_SEEN: Record<Authenticated, Seen[]> = {
  admin: ['own', 'other', 'national'],
  secretariat: ['own', 'other', 'national'],
  'ro-own': ['own', 'national'],
  'ro-other': ['other'],
  'ro-multi': ['own', 'other', 'national'],
  'assessor-own': ['own', 'national'],
  'assessor-other': ['other'],
  'assessor-national': ['national'],
  'chair-own': ['own', 'national'],
  'chair-other': ['other'],
  'chair-national': ['national'],
};

const publicEndpoints = (service: Service): EndpointRule[] =>
  [
    ['/health/live', 'liveness'],
    ['/health/ready', 'readiness: database and Kafka'],
    ['/metrics', 'Prometheus metrics'],
    ['/docs', 'the OpenAPI page'],
    ['/docs-json', 'the OpenAPI document'],
  ].map(([path, target]) => ({
    id: `${service}${path}`,
    service,
    method: 'GET',
    path,
    target,
    success: 200,
    public: true,
    allowed: ANYONE,
  }));

/** A development token acts as the same principal's identity provider token. */
const DEVELOPMENT_TWINS: ReadonlyArray<[PrincipalId, PrincipalId]> = [['dev-ro-own', 'ro-own']];

function withDevelopmentTwins(rule: EndpointRule): EndpointRule {
  const twin = (list: readonly PrincipalId[] | undefined) =>
    list && [...list, ...DEVELOPMENT_TWINS.filter(([, of]) => list.includes(of)).map(([dev]) => dev)];
  const sees = rule.sees && {
    ...rule.sees,
    ...Object.fromEntries(DEVELOPMENT_TWINS.filter(([, of]) => rule.sees![of]).map(([dev, of]) => [dev, rule.sees![of]])),
  };
  return {
    ...rule,
    allowed: rule.public ? rule.allowed : twin(rule.allowed)!,
    ...(rule.outOfScope ? { outOfScope: twin(rule.outOfScope) } : {}),
    ...(sees ? { sees } : {}),
  };
}

const RULES: readonly EndpointRule[] = [
  {
    id: 'editions.define',
    service: 'intake',
    method: 'POST',
    path: '/v1/editions',
    target: 'a new edition',
    success: 201,
    allowed: NATIONAL,
  },
  {
    id: 'editions.list',
    service: 'intake',
    method: 'GET',
    path: '/v1/editions',
    target: 'every edition',
    success: 200,
    allowed: AUTHENTICATED,
  },
  {
    id: 'editions.get',
    service: 'intake',
    method: 'GET',
    path: '/v1/editions/:code',
    target: 'the edition',
    success: 200,
    allowed: AUTHENTICATED,
  },
  {
    id: 'stats.nominations',
    service: 'intake',
    method: 'GET',
    path: '/v1/stats/nominations?edition=',
    target: 'the edition’s nominations counted by province and category',
    success: 200,
    allowed: AUTHENTICATED,
    sees: NOMINATIONS_SEEN,
  },
  {
    id: 'regions.search',
    service: 'intake',
    method: 'GET',
    path: '/v1/regions',
    target: 'the official regencies of 15 named like Bungo',
    success: 200,
    allowed: AUTHENTICATED,
  },
  {
    id: 'nominations.submit',
    service: 'intake',
    method: 'POST',
    path: '/v1/nominations',
    target: 'a new nomination in 15',
    success: 201,
    allowed: WRITERS_OF_OWN,
  },
  {
    id: 'nominations.batch',
    service: 'intake',
    method: 'POST',
    path: '/v1/nominations/batch',
    target: 'one new nomination in 15 (status of the item)',
    success: 201,
    allowed: WRITERS_OF_OWN,
  },
  {
    id: 'nominations.list',
    service: 'intake',
    method: 'GET',
    path: '/v1/nominations?edition=',
    target: 'the edition’s nominations',
    success: 200,
    allowed: AUTHENTICATED,
    sees: NOMINATIONS_SEEN,
  },
  {
    id: 'nominations.list-province',
    service: 'intake',
    method: 'GET',
    path: '/v1/nominations?edition=&province=15',
    target: 'the edition’s nominations in 15',
    success: 200,
    allowed: [...READERS_OF_OWN, 'assessor-national', 'chair-national'],
    sees: {
      admin: ['own', 'national'],
      secretariat: ['own', 'national'],
      'ro-own': ['own', 'national'],
      'ro-multi': ['own', 'national'],
      'assessor-own': ['own', 'national'],
      'assessor-national': ['national'],
      'chair-own': ['own', 'national'],
      'chair-national': ['national'],
    },
  },
  {
    id: 'nominations.get',
    service: 'intake',
    method: 'GET',
    path: '/v1/nominations/:id',
    target: 'a provincial nomination of 15',
    success: 200,
    allowed: READERS_OF_OWN,
    outOfScope: NON_READERS_OF_OWN,
  },
  {
    id: 'nominations.get-national',
    service: 'intake',
    method: 'GET',
    path: '/v1/nominations/:id',
    target: 'a national-round nomination of 15',
    success: 200,
    allowed: [...READERS_OF_OWN, 'assessor-national', 'chair-national'],
    outOfScope: NON_READERS_OF_OWN_NATIONAL_ROUND,
  },
  {
    id: 'nominations.amend',
    service: 'intake',
    method: 'PATCH',
    path: '/v1/nominations/:id',
    target: 'a provincial nomination of 15',
    success: 200,
    allowed: WRITERS_OF_OWN,
    outOfScope: ['ro-other'],
  },
  {
    id: 'nominations.withdraw',
    service: 'intake',
    method: 'POST',
    path: '/v1/nominations/:id/withdraw',
    target: 'a provincial nomination of 15',
    success: 200,
    allowed: WRITERS_OF_OWN,
    outOfScope: ['ro-other'],
  },
  {
    id: 'audit.list',
    service: 'intake',
    method: 'GET',
    path: '/v1/audit?nominationId=',
    target: 'a nomination of 15’s audit trail',
    success: 200,
    allowed: NATIONAL,
  },
  {
    id: 'audit.list-scoring',
    service: 'scoring',
    method: 'GET',
    path: '/v1/audit?nominationId=',
    target: 'the assessments of a nomination of 15',
    success: 200,
    allowed: NATIONAL,
  },
  {
    id: 'audit.list-ranking',
    service: 'ranking',
    method: 'GET',
    path: '/v1/audit?action=board.published',
    target: 'the publications',
    success: 200,
    allowed: NATIONAL,
  },
  {
    id: 'assessments.record',
    service: 'scoring',
    method: 'POST',
    path: '/v1/assessments',
    target: 'a provincial nomination of 15',
    success: 201,
    allowed: ['assessor-own'],
    outOfScope: ['assessor-other', 'assessor-national'],
  },
  {
    id: 'assessments.record-national',
    service: 'scoring',
    method: 'POST',
    path: '/v1/assessments',
    target: 'a national-round nomination of 15',
    success: 201,
    allowed: ['assessor-national'],
    outOfScope: ['assessor-other'],
  },
  {
    id: 'assessments.queue',
    service: 'scoring',
    method: 'GET',
    path: '/v1/assessments/queue?edition=',
    target: 'the nominations of the assessor’s panel and whether they scored each round',
    success: 200,
    allowed: ASSESSORS,
    sees: { 'assessor-own': ['own'], 'assessor-other': ['other'], 'assessor-national': ['national'] },
  },
  {
    id: 'assessments.mine',
    service: 'scoring',
    method: 'GET',
    path: '/v1/assessments/mine?edition=',
    target: 'the assessor’s own assessments in the edition',
    success: 200,
    allowed: ASSESSORS,
  },
  {
    id: 'assessments.list',
    service: 'scoring',
    method: 'GET',
    path: '/v1/assessments?nominationId=',
    target: 'the assessments of a provincial nomination of 15',
    success: 200,
    allowed: [...NATIONAL, 'assessor-own', 'chair-own'],
    outOfScope: ['assessor-other', 'assessor-national', 'chair-other', 'chair-national'],
  },
  {
    id: 'assessments.list-national',
    service: 'scoring',
    method: 'GET',
    path: '/v1/assessments?nominationId=',
    target: 'the assessments of a national-round nomination of 15',
    success: 200,
    allowed: [...NATIONAL, 'assessor-own', 'chair-own', 'assessor-national', 'chair-national'],
    outOfScope: ['assessor-other', 'chair-other'],
  },
  {
    id: 'scores.get',
    service: 'scoring',
    method: 'GET',
    path: '/v1/scores/:nominationId',
    target: 'a provincial nomination of 15',
    success: 200,
    allowed: READERS_OF_OWN,
    outOfScope: NON_READERS_OF_OWN,
  },
  {
    id: 'scores.get-national',
    service: 'scoring',
    method: 'GET',
    path: '/v1/scores/:nominationId',
    target: 'a national-round nomination of 15',
    success: 200,
    allowed: [...READERS_OF_OWN, 'assessor-national', 'chair-national'],
    outOfScope: NON_READERS_OF_OWN_NATIONAL_ROUND,
  },
  {
    id: 'scores.export',
    service: 'scoring',
    method: 'GET',
    path: '/v1/scores/export?boardId=',
    target: 'a provincial board of 15',
    success: 200,
    allowed: [...NATIONAL, 'chair-own'],
  },
  {
    id: 'scores.export-national',
    service: 'scoring',
    method: 'GET',
    path: '/v1/scores/export?boardId=',
    target: 'a national board',
    success: 200,
    allowed: [...NATIONAL, 'chair-national'],
  },
  {
    id: 'scores.progress',
    service: 'scoring',
    method: 'GET',
    path: '/v1/scores/progress?boardId=',
    target: 'a provincial board of 15’s assessment progress',
    success: 200,
    allowed: [...NATIONAL, 'chair-own'],
  },
  {
    id: 'stats.scores',
    service: 'scoring',
    method: 'GET',
    path: '/v1/stats/scores?edition=',
    target: 'the edition’s scores counted by province',
    success: 200,
    allowed: NATIONAL,
  },
  {
    id: 'boards.list',
    service: 'ranking',
    method: 'GET',
    path: '/v1/boards?edition=',
    target: 'the edition’s boards',
    success: 200,
    allowed: AUTHENTICATED,
    sees: {
      admin: ['own', 'other', 'national'],
      secretariat: ['own', 'other', 'national'],
      'ro-own': ['own', 'national'],
      'ro-other': ['other', 'national'],
      'ro-multi': ['own', 'other', 'national'],
      'assessor-own': ['own', 'national'],
      'assessor-other': ['other', 'national'],
      'assessor-national': ['national'],
      'chair-own': ['own', 'national'],
      'chair-other': ['other', 'national'],
      'chair-national': ['national'],
    },
  },
  {
    id: 'boards.get',
    service: 'ranking',
    method: 'GET',
    path: '/v1/boards/:boardId',
    target: 'a provincial board of 15',
    success: 200,
    allowed: READERS_OF_OWN,
    outOfScope: NON_READERS_OF_OWN,
  },
  {
    id: 'boards.get-national',
    service: 'ranking',
    method: 'GET',
    path: '/v1/boards/:boardId',
    target: 'a national board',
    success: 200,
    allowed: AUTHENTICATED,
  },
  {
    id: 'boards.export',
    service: 'ranking',
    method: 'GET',
    path: '/v1/boards/:boardId/export',
    target: 'a provincial board of 15',
    success: 200,
    allowed: READERS_OF_OWN,
    outOfScope: NON_READERS_OF_OWN,
  },
  {
    id: 'boards.publish',
    service: 'ranking',
    method: 'POST',
    path: '/v1/boards/:boardId/publish',
    target: 'a provincial board of 15',
    success: 200,
    allowed: [...NATIONAL, 'chair-own'],
    outOfScope: ['chair-other', 'chair-national'],
  },
  {
    id: 'boards.publish-national',
    service: 'ranking',
    method: 'POST',
    path: '/v1/boards/:boardId/publish',
    target: 'a national board',
    success: 200,
    allowed: [...NATIONAL, 'chair-national'],
  },
  {
    id: 'results.list',
    service: 'ranking',
    method: 'GET',
    path: '/v1/results?edition=',
    target: 'the winners of the edition’s published boards, no contacts, nothing unpublished',
    success: 200,
    public: true,
    allowed: ANYONE,
  },
  {
    id: 'previews.board',
    service: 'notification',
    method: 'POST',
    path: '/v1/previews/board',
    target: 'the emails of a provincial board of 15’s winners',
    success: 200,
    allowed: [...NATIONAL, 'chair-own'],
    outOfScope: ['chair-other', 'chair-national'],
  },
  {
    id: 'stats.boards',
    service: 'ranking',
    method: 'GET',
    path: '/v1/stats/boards?edition=',
    target: 'every board of the edition with its progress',
    success: 200,
    allowed: NATIONAL,
  },
  {
    id: 'notifications.list',
    service: 'notification',
    method: 'GET',
    path: '/v1/notifications?boardId=',
    target: 'a published board of 15’s deliveries',
    success: 200,
    allowed: NATIONAL,
  },
  {
    id: 'stats.deliveries',
    service: 'notification',
    method: 'GET',
    path: '/v1/stats/deliveries?edition=',
    target: 'the edition’s emails counted by province',
    success: 200,
    allowed: NATIONAL,
  },
  ...(['intake', 'scoring', 'ranking', 'notification'] as const).flatMap(publicEndpoints),
];

export const AUTHORIZATION_TABLE: readonly EndpointRule[] = RULES.map(withDevelopmentTwins);

export const principal = (id: PrincipalId): { id: PrincipalId; label: string; credential: Credential } =>
  PRINCIPALS.find((p) => p.id === id)!;

/** How `rule` answers `who`: allowed, 401 or 403 (for the token's roles, for its role, or for the object's scope). */
export function outcomeOf(rule: EndpointRule, who: PrincipalId): Outcome {
  if (rule.allowed.includes(who)) return 'allowed';
  const { kind } = principal(who).credential;
  if (kind === 'roles') return 'forbidden';
  if (kind !== 'token') return 'unauthenticated';
  return rule.outOfScope?.includes(who) ? 'out-of-scope' : 'forbidden';
}

export function expectedStatus(rule: EndpointRule, who: PrincipalId): number {
  return { allowed: rule.success, unauthenticated: 401, forbidden: 403, 'out-of-scope': 403 }[outcomeOf(rule, who)];
}

/** Every (endpoint × principal) case, in table order. */
export function authorizationCases(): Array<{ rule: EndpointRule; who: PrincipalId; status: number }> {
  return AUTHORIZATION_TABLE.flatMap((rule) => PRINCIPALS.map(({ id }) => ({ rule, who: id, status: expectedStatus(rule, id) })));
}
