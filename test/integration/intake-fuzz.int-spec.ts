import { fuzzSeed, http, tokenFor, withOneFieldReplaced } from '@paritrana/testing';
import { startIntake } from '../harness/platform-harness';
import fc from 'fast-check';
import { openRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

/**
 * Hostile input: whatever arrives, intake answers with a 2xx or a 4xx, never a 5xx. Bodies are
 * arbitrary JSON, and valid requests with one field replaced by an arbitrary value.
 */
const seed = fuzzSeed;

describe('intake under arbitrary input (real Postgres and Kafka)', () => {
  let intake: { url: string; close(): Promise<void> };
  const admin = tokenFor({ sub: 'fuzz-admin', role: 'admin' });
  const kanwil = tokenFor({ sub: 'fuzz-kanwil', role: 'regional-office', provinces: ['15', '16'] });
  const edition = `fz${Date.now().toString(36)}`;
  let existing: string;
  let cases = 0;

  const expectNoServerError = async (method: string, path: string, body: unknown, token = admin) => {
    cases++;
    const response = await http(method, `${intake.url}${path}`, token, body);
    if (response.status >= 500) throw new Error(`${method} ${path} answered ${response.status} to ${JSON.stringify(body)?.slice(0, 500)}`);
    return response.status;
  };

  beforeAll(async () => {
    intake = await startIntake();
    expect((await http('POST', `${intake.url}/v1/editions`, admin, openRegencyEdition(edition))).status).toBe(201);
    existing = (
      await http<{ id: string }>(
        'POST',
        `${intake.url}/v1/nominations`,
        kanwil,
        regencyNomination(edition, '15.08', 'a@example.go.id', 1, 2, 'none'),
      )
    ).body.id;
  });

  afterAll(async () => {
    await intake?.close();
    process.stdout.write(`intake fuzz (seed ${seed}): ${cases} requests, none answered 5xx\n`);
  });

  it('should never answer 5xx to arbitrary JSON on any write endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.constantFrom('editions', 'nominations', 'nominations/batch', 'patch', 'withdraw'),
        async (body, target) => {
          const status =
            target === 'patch'
              ? await expectNoServerError('PATCH', `/v1/nominations/${existing}`, body, kanwil)
              : target === 'withdraw'
                ? await expectNoServerError('POST', `/v1/nominations/00000000-0000-4000-8000-000000000000/withdraw`, body, kanwil)
                : await expectNoServerError('POST', `/v1/${target}`, body, target === 'editions' ? admin : kanwil);
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 300, seed },
    );
  });

  it('should never answer 5xx to a valid nomination or edition with one field replaced', async () => {
    const nomination = regencyNomination(edition, '15.09', 'b@example.go.id', 10, 20, 'perda');
    await fc.assert(
      fc.asyncProperty(withOneFieldReplaced(nomination), async (body) => {
        expect(await expectNoServerError('POST', '/v1/nominations', body, kanwil)).toBeLessThan(500);
      }),
      { numRuns: 300, seed },
    );
    await fc.assert(
      fc.asyncProperty(withOneFieldReplaced(openRegencyEdition(`${edition}x`)), async (body) => {
        expect(await expectNoServerError('POST', '/v1/editions', body)).toBeLessThan(500);
      }),
      { numRuns: 300, seed },
    );
  });

  it('should never answer 5xx to arbitrary ids and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.dictionary(fc.constantFrom('edition', 'tier', 'province', 'category', 'status', 'page', 'pageSize', 'x'), fc.string()),
        async (id, query) => {
          expect(await expectNoServerError('GET', `/v1/nominations/${encodeURIComponent(id)}`, undefined, kanwil)).toBeLessThan(500);
          expect(await expectNoServerError('GET', `/v1/editions/${encodeURIComponent(id)}`, undefined)).toBeLessThan(500);
          expect(await expectNoServerError('GET', `/v1/nominations?${new URLSearchParams(query)}`, undefined, kanwil)).toBeLessThan(500);
          expect(
            await expectNoServerError(
              'GET',
              `/v1/audit?${new URLSearchParams({ nominationId: id, limit: query.page ?? '10' })}`,
              undefined,
            ),
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 200, seed },
    );
  });
});
