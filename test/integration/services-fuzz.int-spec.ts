import { fuzzSeed, http, SmtpSink, tokenFor, waitFor, withOneFieldReplaced } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import fc from 'fast-check';
import { panelRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

/**
 * Hostile input to scoring, ranking and notification (intake has its own suite): arbitrary JSON
 * bodies, raw bytes that are not JSON, valid requests with one field replaced, arbitrary ids,
 * query strings and bearer tokens. Every answer is a 2xx or a 4xx, never a 5xx.
 */
describe('scoring, ranking and notification under arbitrary input (real Postgres, Kafka and SMTP)', () => {
  const smtp = new SmtpSink();
  let platform: Platform;
  const secretariat = tokenFor({ sub: 'fuzz-secretariat', role: 'secretariat' });
  const kanwil = tokenFor({ sub: 'fuzz-kanwil', role: 'regional-office', provinces: ['15'] });
  const assessor = tokenFor({ sub: 'fuzz-penilai', role: 'assessor', provinces: ['15'] });
  const chair = tokenFor({ sub: 'fuzz-chair', role: 'panel-chair', provinces: ['15'] });
  const edition = `sf${Date.now().toString(36)}`;
  const boardId = `${edition}:provincial:15:regency`;
  let nominationId: string;
  let cases = 0;

  const expectNoServerError = async (method: string, url: string, token: string | undefined, body?: unknown) => {
    cases++;
    const response = await http(method, url, token, body);
    if (response.status >= 500) throw new Error(`${method} ${url} answered ${response.status} to ${JSON.stringify(body)?.slice(0, 500)}`);
    return response.status;
  };

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatform({ SMTP_URL: smtp.url });
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, panelRegencyEdition(edition, 1))).status).toBe(201);
    const nominated = await http<{ id: string }>(
      'POST',
      `${platform.urls.intake}/v1/nominations`,
      kanwil,
      regencyNomination(edition, '15.08', 'fuzz@example.go.id', 30_000, 60_000, 'perda'),
    );
    nominationId = nominated.body.id;
    await waitFor('the nomination on its board', async () =>
      (await http('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, secretariat)).status === 200 ? true : undefined,
    );
  });

  afterAll(async () => {
    await platform?.close();
    await smtp.stop();
    process.stdout.write(`scoring/ranking/notification fuzz (seed ${fuzzSeed}): ${cases} requests, none answered 5xx\n`);
  });

  it('should never answer 5xx to arbitrary JSON on any write endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom('assessment', 'publish'), async (body, target) => {
        const status =
          target === 'assessment'
            ? await expectNoServerError('POST', `${platform.urls.scoring}/v1/assessments`, assessor, body)
            : await expectNoServerError('POST', `${platform.urls.ranking}/v1/boards/${boardId}x/publish`, chair, body);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 200, seed: fuzzSeed },
    );
  });

  it('should answer 400 to bodies that are not JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), async (raw) => {
        fc.pre(raw.trim() !== '' && !isJson(raw));
        cases++;
        const response = await fetch(`${platform.urls.scoring}/v1/assessments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${assessor}`, 'content-type': 'application/json' },
          body: raw,
        });
        expect(response.status).toBe(400);
      }),
      { numRuns: 100, seed: fuzzSeed },
    );
  });

  it('should never answer 5xx to a valid assessment with one field replaced', async () => {
    const valid = { nominationId, round: 'interview', scores: { interview: 80 }, comment: 'runtut dan lengkap' };
    await fc.assert(
      fc.asyncProperty(withOneFieldReplaced(valid), async (body) => {
        expect(await expectNoServerError('POST', `${platform.urls.scoring}/v1/assessments`, assessor, body)).toBeLessThan(500);
      }),
      { numRuns: 300, seed: fuzzSeed },
    );
  });

  it('should never answer 5xx to arbitrary ids and query strings on any read endpoint', async () => {
    const keys = fc.constantFrom('edition', 'tier', 'scope', 'category', 'boardId', 'nominationId', 'actor', 'action', 'limit', 'x');
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.dictionary(keys, fc.string()), async (id, query) => {
        const q = new URLSearchParams(query);
        const path = encodeURIComponent(id);
        const reads = [
          `${platform.urls.scoring}/v1/scores/${path}`,
          `${platform.urls.scoring}/v1/scores/export?${new URLSearchParams({ boardId: id })}`,
          `${platform.urls.scoring}/v1/audit?${q}`,
          `${platform.urls.ranking}/v1/boards?${q}`,
          `${platform.urls.ranking}/v1/boards/${path}`,
          `${platform.urls.ranking}/v1/boards/${path}/export`,
          `${platform.urls.ranking}/v1/audit?${q}`,
          `${platform.urls.notification}/v1/notifications?${new URLSearchParams({ boardId: id })}`,
        ];
        for (const url of reads) expect(await expectNoServerError('GET', url, secretariat)).toBeLessThan(500);
        expect(await expectNoServerError('POST', `${platform.urls.ranking}/v1/boards/${path}/publish`, chair)).toBeLessThan(500);
      }),
      { numRuns: 100, seed: fuzzSeed },
    );
  });

  it('should answer 401 to arbitrary bearer tokens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary-ascii' }), async (token) => {
        fc.pre(/^[\x21-\x7e]+$/.test(token));
        cases++;
        expect((await http('GET', `${platform.urls.ranking}/v1/boards`, token)).status).toBe(401);
      }),
      { numRuns: 100, seed: fuzzSeed },
    );
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
