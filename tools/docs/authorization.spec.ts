import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHORIZATION_TABLE, authorizationCases, principal, PRINCIPALS } from '../authz/authorization-table';
import { renderAuthorizationDoc } from './authorization';

describe('docs/authorization.md', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'authorization.md'), 'utf8');

  it('should be what the authorization table generates (run npm run docs:authz after changing it)', () => {
    expect(committed).toBe(renderAuthorizationDoc());
  });

  it('should have a row for every endpoint of the table but the public ones, and a column for every principal', () => {
    const rows = committed.split('\n').filter((line) => line.startsWith('| `'));

    expect(rows).toHaveLength(AUTHORIZATION_TABLE.filter((r) => !r.public).length);
    expect(rows.every((row) => row.split(' | ').length === PRINCIPALS.length + 2)).toBe(true);
  });
});

describe('the authorization table', () => {
  it('should give every endpoint a unique id', () => {
    const ids = AUTHORIZATION_TABLE.map((r) => r.id);

    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should never allow, hide or forbid a principal twice, nor hide an allowed one', () => {
    for (const rule of AUTHORIZATION_TABLE) {
      expect(new Set(rule.allowed).size).toBe(rule.allowed.length);
      expect(rule.outOfScope?.filter((who) => rule.allowed.includes(who)) ?? []).toEqual([]);
    }
  });

  it('should state what each allowed principal sees on a listing, and only for allowed ones', () => {
    for (const rule of AUTHORIZATION_TABLE.filter((r) => r.sees)) {
      const authenticated = rule.allowed.filter((who) => PRINCIPALS.find((p) => p.id === who)?.credential.kind === 'token');

      expect(Object.keys(rule.sees!).sort()).toEqual([...authenticated].sort());
    }
  });

  it('should answer 401 to every caller without a valid token on every endpoint but the public ones', () => {
    const unauthenticated = authorizationCases().filter(({ who }) => !['token', 'roles'].includes(principal(who).credential.kind));

    expect(unauthenticated).toHaveLength(AUTHORIZATION_TABLE.length * 9);

    expect(unauthenticated.every(({ rule, status }) => status === (rule.public ? rule.success : 401))).toBe(true);
  });

  it('should answer 403 to an authentic token naming none or two of our roles on every endpoint but the public ones', () => {
    const roleless = authorizationCases().filter(({ who }) => principal(who).credential.kind === 'roles');

    expect(roleless).toHaveLength(AUTHORIZATION_TABLE.length * 2);
    expect(roleless.every(({ rule, status }) => status === (rule.public ? rule.success : 403))).toBe(true);
  });

  it('should answer a development token as the same principal’s identity provider token', () => {
    const twins = authorizationCases().filter(({ who }) => who === 'dev-ro-own');

    expect(twins.map(({ rule, status }) => [rule.id, status, rule.sees?.['dev-ro-own']])).toEqual(
      authorizationCases()
        .filter(({ who }) => who === 'ro-own')
        .map(({ rule, status }) => [rule.id, status, rule.sees?.['ro-own']]),
    );
  });
});
