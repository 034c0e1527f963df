import { http, tokenFor } from '@paritrana/testing';
import { startIntake } from '../harness/platform-harness';
import { openRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

interface Accepted {
  id: string;
  status: string;
}
interface Page {
  items: Array<{ id: string; province: string }>;
  total: number;
}
interface BatchAnswer {
  results: Array<{ index: number; status: number; id?: string; errors?: Array<{ path: string; message: string }>; rules?: unknown[] }>;
}

const principals = {
  admin: tokenFor({ sub: 'admin-1', role: 'admin' }),
  secretariat: tokenFor({ sub: 'sekretariat-1', role: 'secretariat' }),
  kanwilSumbagsel: tokenFor({ sub: 'kanwil-sumbagsel', role: 'regional-office', provinces: ['15', '16'] }),
  kanwilBali: tokenFor({ sub: 'kanwil-bali', role: 'regional-office', provinces: ['51'] }),
  assessorJambi: tokenFor({ sub: 'penilai-jambi', role: 'assessor', provinces: ['15'] }),
  assessorNational: tokenFor({ sub: 'juri-nasional', role: 'assessor' }),
  chairJambi: tokenFor({ sub: 'sekda-jambi', role: 'panel-chair', provinces: ['15'] }),
} satisfies Record<string, string>;
type Who = keyof typeof principals | 'anonymous';
const token = (who: Who) => (who === 'anonymous' ? undefined : principals[who]);

/** Regency codes of Jambi (15) and Sumatera Selatan (16); each can be nominated once per edition. */
const JAMBI = ['15.01', '15.02', '15.03', '15.04', '15.05', '15.06', '15.07', '15.08', '15.09', '15.71', '15.72'];
const SUMSEL = ['16.01', '16.02', '16.03', '16.04', '16.05', '16.06', '16.07', '16.08', '16.09', '16.10', '16.11', '16.12', '16.13'];

describe('nomination intake: scope, idempotency, batch, amendments and audit (real Postgres and Kafka)', () => {
  let intake: { url: string; close(): Promise<void> };
  const run = Date.now().toString(36);
  const closedEdition = `int${run}c`;
  let editions = 0;
  let edition = '';
  let nextJambi = 0;
  let nextSumsel = 0;
  const jambi = (email = 'x@example.go.id') => regencyNomination(edition, JAMBI[nextJambi++], email, 40_000, 60_000, 'perda');
  const southSumatra = () => regencyNomination(edition, SUMSEL[nextSumsel++], 'y@example.go.id', 30_000, 60_000, 'decree');
  /** A new open edition, so each group of tests has every regency to nominate again. */
  const freshEdition = async () => {
    edition = `int${run}${editions++}`;
    [nextJambi, nextSumsel] = [0, 0];
    expect((await http('POST', `${intake.url}/v1/editions`, principals.secretariat, openRegencyEdition(edition))).status).toBe(201);
  };
  const submit = (body: unknown, who: Who = 'kanwilSumbagsel', headers: Record<string, string> = {}) =>
    http<Accepted & { errors?: Array<{ path: string; message: string }>; rules?: unknown[] }>(
      'POST',
      `${intake.url}/v1/nominations`,
      token(who),
      body,
      headers,
    );

  beforeAll(async () => {
    intake = await startIntake();
    const closed = openRegencyEdition(closedEdition);
    closed.schedule.provincial = { submissionsOpen: '2020-01-01T00:00:00Z', submissionsClose: '2020-06-30T23:59:59Z' };
    expect((await http('POST', `${intake.url}/v1/editions`, principals.secretariat, closed)).status).toBe(201);
  });

  afterAll(async () => intake?.close());

  describe('scope: roles × operations × own or other province', () => {
    beforeAll(() => freshEdition());

    const submitCases: Array<[Who, number]> = [
      ['admin', 201],
      ['secretariat', 201],
      ['kanwilSumbagsel', 201],
      ['kanwilBali', 403],
      ['assessorJambi', 403],
      ['chairJambi', 403],
      ['anonymous', 401],
    ];
    it.each(submitCases)('should answer %s submitting in Jambi with %d', async (who, status) => {
      expect((await submit(jambi(), who)).status).toBe(status);
    });

    let target: string;
    beforeAll(async () => {
      target = (await submit(jambi())).body.id;
    });

    const readCases: Array<[Who, number]> = [
      ['admin', 200],
      ['secretariat', 200],
      ['kanwilSumbagsel', 200],
      ['kanwilBali', 403],
      ['assessorJambi', 200],
      ['chairJambi', 200],
      ['assessorNational', 403],
      ['anonymous', 401],
    ];
    it.each(readCases)('should answer %s reading a Jambi nomination with %d', async (who, status) => {
      expect((await http('GET', `${intake.url}/v1/nominations/${target}`, token(who))).status).toBe(status);
    });

    const listCases: Array<[Who, boolean]> = [
      ['admin', true],
      ['secretariat', true],
      ['kanwilSumbagsel', true],
      ['kanwilBali', false],
      ['assessorJambi', true],
      ['assessorNational', false],
    ];
    it.each(listCases)('should list the Jambi nomination to %s: %s', async (who, sees) => {
      const page = await http<Page>('GET', `${intake.url}/v1/nominations?edition=${edition}&pageSize=500`, token(who));
      expect(page.status).toBe(200);
      expect(page.body.items.some((n) => n.id === target)).toBe(sees);
    });

    it('should refuse a listing filtered on a province outside the token', async () => {
      expect((await http('GET', `${intake.url}/v1/nominations?province=15`, principals.kanwilBali)).status).toBe(403);
    });

    const amendCases: Array<[Who, number]> = [
      ['admin', 200],
      ['secretariat', 200],
      ['kanwilSumbagsel', 200],
      ['kanwilBali', 403],
      ['assessorJambi', 403],
      ['chairJambi', 403],
    ];
    it.each(amendCases)('should answer %s amending a Jambi nomination with %d', async (who, status) => {
      const response = await http('PATCH', `${intake.url}/v1/nominations/${target}`, token(who), {
        contact: { name: `Setda (${who})`, email: 'setda@example.go.id' },
      });
      expect(response.status).toBe(status);
    });

    const withdrawCases: Array<[Who, number]> = [
      ['kanwilBali', 403],
      ['assessorJambi', 403],
      ['chairJambi', 403],
      ['kanwilSumbagsel', 200],
      ['secretariat', 409],
    ];
    it.each(withdrawCases)('should answer %s withdrawing a Jambi nomination with %d', async (who, status) => {
      expect((await http('POST', `${intake.url}/v1/nominations/${target}/withdraw`, token(who), { reason: 'uji' })).status).toBe(status);
    });

    it('should let a Kanwil covering Jambi and Sumatera Selatan see both, and Bali’s neither', async () => {
      const sumselId = (await submit(southSumatra())).body.id;
      const jambiId = (await submit(jambi())).body.id;
      const list = async (t: string) =>
        (await http<Page>('GET', `${intake.url}/v1/nominations?edition=${edition}&pageSize=500`, t)).body.items.map((n) => n.id);

      expect(await list(principals.kanwilSumbagsel)).toEqual(expect.arrayContaining([sumselId, jambiId]));
      const bali = await list(principals.kanwilBali);
      expect(bali).not.toContain(sumselId);
      expect(bali).not.toContain(jambiId);
    });
  });

  describe('validation', () => {
    beforeAll(() => freshEdition());

    it('should refuse unknown fields, so status, scores and ids cannot be assigned', async () => {
      const response = await submit({ ...jambi(), id: '00000000-0000-0000-0000-000000000000', status: 'winner', score: 100 });

      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { path: 'id', message: 'is not a known field' },
          { path: 'status', message: 'is not a known field' },
          { path: 'score', message: 'is not a known field' },
        ]),
      );
      expect(response.body.rules).toEqual(expect.arrayContaining([{ path: 'status', code: 'unknownField' }]));
    });

    it('should refuse a nomination when the window is closed', async () => {
      const response = await submit({ ...jambi(), edition: closedEdition });

      expect(response.status).toBe(422);
      expect(response.body.errors?.[0]).toMatchObject({ path: 'tier', message: expect.stringContaining('is closed') });
    });

    it('should refuse a body over the size limit with 413', async () => {
      const response = await submit({ ...jambi(), contact: { name: 'x'.repeat(5_000_000), email: 'a@b.id' } });

      expect(response.status).toBe(413);
    });

    it('should answer malformed JSON with 400, not 500', async () => {
      const response = await fetch(`${intake.url}/v1/nominations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${principals.admin}` },
        body: '{"edition": ',
      });
      expect(response.status).toBe(400);
    });
  });

  describe('Idempotency-Key', () => {
    beforeAll(() => freshEdition());

    it('should return the first response to a retried request and create nothing more', async () => {
      const body = jambi();

      const first = await submit(body, 'kanwilSumbagsel', { 'Idempotency-Key': 'retry-1' });
      const second = await submit(body, 'kanwilSumbagsel', { 'Idempotency-Key': 'retry-1' });

      expect(first.status).toBe(201);
      expect(second).toEqual(first);
    });

    it('should refuse the same key with another body', async () => {
      await submit(jambi(), 'kanwilSumbagsel', { 'Idempotency-Key': 'retry-2' });

      const reused = await submit(jambi(), 'kanwilSumbagsel', { 'Idempotency-Key': 'retry-2' });

      expect(reused.status).toBe(422);
      expect(reused.body.errors).toEqual([{ path: 'Idempotency-Key', message: 'was used with a different body' }]);
    });

    it('should keep keys apart per token holder', async () => {
      const mine = await submit(jambi(), 'kanwilSumbagsel', { 'Idempotency-Key': 'shared-key' });
      const theirs = await submit(jambi(), 'secretariat', { 'Idempotency-Key': 'shared-key' });

      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(mine.body.id).not.toBe(theirs.body.id);
    });
  });

  describe('batch', () => {
    beforeAll(() => freshEdition());

    it('should answer every item and store the accepted ones', async () => {
      const duplicate = jambi();
      const items = [
        jambi(),
        southSumatra(),
        duplicate,
        duplicate,
        { ...jambi(), indicators: { workforce: { wageEarners: -1 } } },
        regencyNomination(edition, '51.01', 'b@example.go.id', 1, 2, 'none'),
      ];

      const answer = await http<BatchAnswer>('POST', `${intake.url}/v1/nominations/batch`, principals.kanwilSumbagsel, items);

      expect(answer.status).toBe(200);
      expect(answer.body.results.map((r) => [r.index, r.status])).toEqual([
        [0, 201],
        [1, 201],
        [2, 201],
        [3, 409],
        [4, 422],
        [5, 403],
      ]);
      expect(answer.body.results[4].errors).toEqual([
        { path: 'indicators.workforce.wageEarners', message: 'must be a non-negative integer' },
      ]);
      expect(answer.body.results[4].rules).toEqual([{ path: 'indicators.workforce.wageEarners', code: 'count' }]);
      const stored = await http('GET', `${intake.url}/v1/nominations/${answer.body.results[0].id}`, principals.kanwilSumbagsel);
      expect(stored.status).toBe(200);

      const again = await http<BatchAnswer>('POST', `${intake.url}/v1/nominations/batch`, principals.kanwilSumbagsel, items.slice(0, 3));
      expect(again.body.results.map((r) => r.status)).toEqual([409, 409, 409]);
    });

    it('should check every item and store nothing when it is a dry run', async () => {
      const stored = jambi();
      expect((await http('POST', `${intake.url}/v1/nominations/batch`, principals.kanwilSumbagsel, [stored])).status).toBe(200);
      const fresh = southSumatra();
      const url = `${intake.url}/v1/nominations/batch?dryRun=true`;

      const answer = await http<BatchAnswer & { dryRun: boolean }>('POST', url, principals.kanwilSumbagsel, [fresh, stored, fresh]);

      expect(answer.status).toBe(200);
      expect(answer.body.dryRun).toBe(true);
      expect(answer.body.results.map((r) => [r.index, r.status])).toEqual([
        [0, 200],
        [1, 409],
        [2, 409],
      ]);
      // Stored by the dry run, it would now be a duplicate.
      const submitted = await http<BatchAnswer>('POST', `${intake.url}/v1/nominations/batch`, principals.kanwilSumbagsel, [fresh]);
      expect(submitted.body.results.map((r) => r.status)).toEqual([201]);
    });

    it('should refuse more than 1,000 items', async () => {
      const answer = await http(
        'POST',
        `${intake.url}/v1/nominations/batch`,
        principals.admin,
        Array.from({ length: 1_001 }, () => ({})),
      );

      expect(answer.status).toBe(422);
    });
  });

  describe('amendments, withdrawal and the audit trail', () => {
    beforeAll(() => freshEdition());

    it('should version amendments, refuse changes after withdrawal and record who did what', async () => {
      const id = (await submit(jambi())).body.id;

      const amended = await http<{ version: number; indicators: unknown }>(
        'PATCH',
        `${intake.url}/v1/nominations/${id}`,
        principals.kanwilSumbagsel,
        {
          indicators: { workforce: { wageEarners: 60_000 }, participants: { wageEarners: 45_000 } },
        },
      );
      const invalid = await http('PATCH', `${intake.url}/v1/nominations/${id}`, principals.kanwilSumbagsel, {
        indicators: { workforce: { wageEarners: 10 }, participants: { wageEarners: 45_000 } },
      });
      const withdrawn = await http('POST', `${intake.url}/v1/nominations/${id}/withdraw`, principals.kanwilSumbagsel, {
        reason: 'Dokumen tidak lengkap',
      });
      const afterWithdrawal = await http('PATCH', `${intake.url}/v1/nominations/${id}`, principals.kanwilSumbagsel, {
        contact: { name: 'X', email: 'x@example.go.id' },
      });

      expect(amended.status).toBe(200);
      expect(amended.body.version).toBe(2);
      expect(invalid.status).toBe(422);
      expect(withdrawn.status).toBe(200);
      expect(afterWithdrawal.status).toBe(409);
      const audit = await http<{ entries: Array<{ action: string; actor: string; details: unknown }> }>(
        'GET',
        `${intake.url}/v1/audit?nominationId=${id}`,
        principals.secretariat,
      );
      expect(audit.body.entries.map((e) => [e.action, e.actor])).toEqual([
        ['nomination.withdrawn', 'kanwil-sumbagsel'],
        ['nomination.amended', 'kanwil-sumbagsel'],
        ['nomination.submitted', 'kanwil-sumbagsel'],
      ]);
      expect((await http('GET', `${intake.url}/v1/audit?nominationId=${id}`, principals.kanwilSumbagsel)).status).toBe(403);
    });
  });
});
