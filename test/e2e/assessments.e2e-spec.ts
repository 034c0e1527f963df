import { dataSourceOptions } from '@paritrana/platform';
import { http, SmtpSink, tokenFor, waitFor } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import { DataSource } from 'typeorm';
import { rebuildEdition } from '../../apps/ranking/src/rebuild/rebuild.service';
import { panelRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

interface Score {
  status: string;
  total: number;
  criteria: Array<{ code: string; value: number | string | null; subScore: number }>;
  assessments?: Array<{ assessor: string; scores: Record<string, number>; conflictOfInterest: boolean; current: boolean }>;
}

describe('assessment panels: scope, history, conflicts, finality and normalisation (real Kafka and Postgres)', () => {
  let platform: Platform;
  const run = Date.now().toString(36);
  const secretariat = tokenFor({ sub: 'sekretariat-1', role: 'secretariat' });
  const kanwil = tokenFor({ sub: 'kanwil', role: 'regional-office', provinces: ['15', '16'] });
  const penilai = (n: number, provinces = ['15']) =>
    tokenFor({ sub: `penilai-${provinces.join('-')}-${n}`, name: `Penilai ${n}`, role: 'assessor', provinces });
  const chairJambi = tokenFor({ sub: 'sekda-jambi', role: 'panel-chair', provinces: ['15'] });

  const define = async (code: string, minAssessors: number, normalization?: 'zscore') =>
    expect(
      (await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, panelRegencyEdition(code, minAssessors, normalization)))
        .status,
    ).toBe(201);
  const nominate = async (edition: string, code: string, participants = 30_000) =>
    (
      await http<{ id: string }>(
        'POST',
        `${platform.urls.intake}/v1/nominations`,
        kanwil,
        regencyNomination(edition, code, `${code}@example.go.id`, participants, 60_000, 'perda'),
      )
    ).body.id;
  const assess = (token: string, nominationId: string, interview: number, extra: Record<string, unknown> = {}) =>
    http<{ id: string; supersedes?: string; score: { status: string; total: number } }>(
      'POST',
      `${platform.urls.scoring}/v1/assessments`,
      token,
      {
        nominationId,
        round: 'interview',
        scores: { interview },
        ...extra,
      },
    );
  const scoreOf = (id: string, token = secretariat) => http<Score>('GET', `${platform.urls.scoring}/v1/scores/${id}`, token);
  const scored = (id: string) => waitFor(`a score for ${id}`, async () => ((await scoreOf(id)).status === 200 ? true : undefined));

  const smtp = new SmtpSink();

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatform({ SMTP_URL: smtp.url });
  });

  afterAll(async () => {
    await platform?.close();
    await smtp.stop();
  });

  it('should keep a score provisional until minAssessors non-conflicted assessors scored, keeping every earlier assessment', async () => {
    const edition = `as${run}`;
    await define(edition, 2);
    const bungo = await nominate(edition, '15.08');
    await scored(bungo);
    expect((await scoreOf(bungo)).body.status).toBe('provisional');

    const first = await assess(penilai(1), bungo, 70);
    const conflicted = await assess(penilai(2), bungo, 100, { conflictOfInterest: true });
    expect(first.status).toBe(201);
    expect(first.body.score.status).toBe('provisional');
    expect(conflicted.body.score.status).toBe('provisional');

    const second = await assess(penilai(3), bungo, 90);
    // (60 × 50 + 40 × 100 + 40 × 80) / 140: coverage 0.5, perda, interview mean of 70 and 90; the conflicted 100 is excluded.
    expect(second.body.score).toEqual({ status: 'final', total: 72.86 });

    const revised = await assess(penilai(1), bungo, 80);
    expect(revised.body.supersedes).toBe(first.body.id);
    // (60 × 50 + 40 × 100 + 40 × 85) / 140: coverage 0.5, perda, interview mean of 80 and 90.
    expect(revised.body.score).toEqual({ status: 'final', total: 74.29 });

    const explained = await scoreOf(bungo);
    expect(explained.body.criteria.find((c) => c.code === 'interview')).toMatchObject({ value: 85, subScore: 85 });
    expect(explained.body.assessments?.map((a) => [a.assessor, a.scores.interview ?? null, a.conflictOfInterest, a.current])).toEqual([
      ['penilai-15-1', 70, false, false],
      ['penilai-15-2', null, true, true],
      ['penilai-15-3', 90, false, true],
      ['penilai-15-1', 80, false, true],
    ]);
    expect((await scoreOf(bungo, kanwil)).body.assessments).toBeUndefined();

    const audit = await http<{
      entries: Array<{ actor: string; action: string; nominationId: string; province: string; details: Record<string, unknown> }>;
    }>('GET', `${platform.urls.scoring}/v1/audit?nominationId=${bungo}&action=assessment.recorded`, secretariat);
    expect(audit.status).toBe(200);
    expect(
      audit.body.entries.map((e) => [
        e.actor,
        e.province,
        e.details.assessmentId,
        e.details.supersedes ?? null,
        e.details.conflictOfInterest,
      ]),
    ).toEqual([
      ['penilai-15-1', '15', revised.body.id, first.body.id, false],
      ['penilai-15-3', '15', second.body.id, null, false],
      ['penilai-15-2', '15', conflicted.body.id, null, true],
      ['penilai-15-1', '15', first.body.id, null, false],
    ]);
    expect((await http('GET', `${platform.urls.scoring}/v1/audit?nominationId=${bungo}`, kanwil)).status).toBe(403);
  });

  it('should give each assessor their queue and history, hiding colleagues’ assessments of a round until they have scored it', async () => {
    const edition = `as${run}q`;
    await define(edition, 2);
    const [bungo, tebo, sumsel] = [await nominate(edition, '15.08'), await nominate(edition, '15.09'), await nominate(edition, '16.01')];
    for (const id of [bungo, tebo, sumsel]) await scored(id);
    const [first, second] = [penilai(1), penilai(2)];
    const queue = async (token: string) =>
      (
        await http<{
          nominations: Array<{
            nominationId: string;
            nominee: { name: string };
            rounds: Array<{ round: string; mine: unknown; assessors: number }>;
          }>;
        }>('GET', `${platform.urls.scoring}/v1/assessments/queue?edition=${edition}`, token)
      ).body.nominations.map((n) => [n.nominee.name, n.rounds.map((r) => [r.round, r.mine === null ? 'waiting' : 'scored', r.assessors])]);
    const history = (token: string, nominationId = bungo) =>
      http<{ assessments: Array<{ assessor: string; scores: Record<string, number>; current: boolean }>; withheldRounds: string[] }>(
        'GET',
        `${platform.urls.scoring}/v1/assessments?nominationId=${nominationId}`,
        token,
      );

    expect(await queue(first)).toEqual([
      ['Kabupaten Bungo', [['interview', 'waiting', 0]]],
      ['Kabupaten Tebo', [['interview', 'waiting', 0]]],
    ]);
    await assess(second, bungo, 95);
    await assess(first, tebo, 70);
    await assess(first, tebo, 75);

    expect(await queue(first)).toEqual([
      ['Kabupaten Bungo', [['interview', 'waiting', 1]]],
      ['Kabupaten Tebo', [['interview', 'scored', 1]]],
    ]);
    const hidden = await history(first);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ assessments: [], withheldRounds: ['interview'] });

    await assess(first, bungo, 80);
    const shown = await history(first);
    expect(shown.body.withheldRounds).toEqual([]);
    expect(shown.body.assessments.map((a) => [a.assessor, a.scores.interview])).toEqual([
      ['penilai-15-2', 95],
      ['penilai-15-1', 80],
    ]);
    expect((await history(chairJambi, tebo)).body.assessments.map((a) => [a.scores.interview, a.current])).toEqual([
      [70, false],
      [75, true],
    ]);
    expect((await history(kanwil)).status).toBe(403);
    expect((await history(penilai(1, ['16']))).status).toBe(403);

    const mine = await http<{ assessments: Array<{ nominationId: string; current: boolean; nomination: { nominee: { name: string } } }> }>(
      'GET',
      `${platform.urls.scoring}/v1/assessments/mine?edition=${edition}`,
      first,
    );
    expect(mine.body.assessments.map((a) => [a.nomination.nominee.name, a.current])).toEqual([
      ['Kabupaten Bungo', true],
      ['Kabupaten Tebo', true],
      ['Kabupaten Tebo', false],
    ]);
    expect((await http('GET', `${platform.urls.scoring}/v1/assessments/queue?edition=${edition}`, chairJambi)).status).toBe(403);
    expect((await http('GET', `${platform.urls.scoring}/v1/assessments/queue`, first)).status).toBe(422);
  });

  it('should refuse assessors outside the nomination’s panel and scores the rubric does not ask for', async () => {
    const edition = `as${run}b`;
    await define(edition, 1);
    const tebo = await nominate(edition, '15.09');
    await scored(tebo);

    expect((await assess(penilai(1, ['16']), tebo, 80)).status).toBe(403);
    expect((await assess(tokenFor({ sub: 'juri', role: 'assessor' }), tebo, 80)).status).toBe(403);
    expect(
      (
        await http('POST', `${platform.urls.scoring}/v1/assessments`, kanwil, {
          nominationId: tebo,
          round: 'interview',
          scores: { interview: 80 },
        })
      ).status,
    ).toBe(403);
    const outOfRange = await assess(penilai(1), tebo, 120);
    expect(outOfRange.status).toBe(422);
    const unknown = await http<{ errors: Array<{ path: string }> }>('POST', `${platform.urls.scoring}/v1/assessments`, penilai(1), {
      nominationId: tebo,
      round: 'verification',
      scores: { coverage_pu: 10 },
    });
    expect(unknown.body.errors.map((e) => e.path)).toEqual(['round', 'scores.coverage_pu']);
  });

  it('should refuse publication while standings are provisional, then publish once all are final', async () => {
    const edition = `as${run}c`;
    await define(edition, 1);
    const [a, b] = [await nominate(edition, '15.01'), await nominate(edition, '15.02')];
    const boardId = `${edition}:provincial:15:regency`;
    await waitFor('both on the board', async () => {
      const board = await http<{ standings: unknown[] }>('GET', `${platform.urls.ranking}/v1/boards/${boardId}`, chairJambi);
      return board.body.standings?.length === 2 ? true : undefined;
    });

    const refused = await http<{ code: string; provisional: Array<{ nominationId: string }> }>(
      'POST',
      `${platform.urls.ranking}/v1/boards/${boardId}/publish`,
      chairJambi,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.provisional.map((p) => p.nominationId).sort()).toEqual([a, b].sort());

    await assess(penilai(1), a, 60);
    await assess(penilai(1), b, 95);
    await waitFor('a final board', async () => {
      const board = await http<{ standings: Array<{ status: string }> }>(
        'GET',
        `${platform.urls.ranking}/v1/boards/${boardId}`,
        chairJambi,
      );
      return board.body.standings.every((s) => s.status === 'final') ? true : undefined;
    });
    expect((await http('POST', `${platform.urls.ranking}/v1/boards/${boardId}/publish`, chairJambi)).status).toBe(200);

    const csv = await fetch(`${platform.urls.scoring}/v1/scores/export?boardId=${boardId}`, {
      headers: { authorization: `Bearer ${secretariat}` },
    });
    const lines = (await csv.text()).trim().split('\n');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(lines[0]).toContain('interview.interview.penilai-15-1');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^${b},Kabupaten Merangin,15.02,15,final,`));
    expect(lines[1].endsWith(',95')).toBe(true);
  });

  it('should put a lenient and a harsh panel on one footing when the edition normalises', async () => {
    const edition = `as${run}z`;
    await define(edition, 1, 'zscore');
    const jambi = [await nominate(edition, '15.03'), await nominate(edition, '15.04')];
    const sumsel = [await nominate(edition, '16.01'), await nominate(edition, '16.02')];
    for (const id of [...jambi, ...sumsel]) await scored(id);
    const lenient = penilai(1, ['15']);
    const harsh = penilai(1, ['16']);

    await assess(lenient, jambi[0], 90);
    await assess(lenient, jambi[1], 80);
    await assess(harsh, sumsel[0], 60);
    await assess(harsh, sumsel[1], 50);

    const interview = async (id: string) => (await scoreOf(id)).body.criteria.find((c) => c.code === 'interview')?.value;
    // The README example: each panel's better nomination at 85.81, the other at 54.19.
    expect([await interview(jambi[0]), await interview(sumsel[0])]).toEqual([85.811388, 85.811388]);
    expect([await interview(jambi[1]), await interview(sumsel[1])]).toEqual([54.188612, 54.188612]);

    // Ranking applies the last scores on its own time: the comparison starts once its boards stand on them.
    for (const [province, ids] of [
      ['15', jambi],
      ['16', sumsel],
    ] as const) {
      const totals = new Map(await Promise.all(ids.map(async (id) => [id, (await scoreOf(id)).body.total] as const)));
      await waitFor(`ranking's ${province} board on the normalised scores`, async () => {
        const { body } = await http<{ standings: Array<{ nominationId: string; total: number }> }>(
          'GET',
          `${platform.urls.ranking}/v1/boards/${edition}:provincial:${province}:regency`,
          secretariat,
        );
        const settled = body?.standings?.length === ids.length && body.standings.every((s) => s.total === totals.get(s.nominationId));
        return settled ? true : undefined;
      });
    }
    const dataSource = await new DataSource(
      dataSourceOptions({ url: process.env.DATABASE_URL!, schema: 'ranking', migrations: [] }),
    ).initialize();
    try {
      const report = await rebuildEdition({ brokers: process.env.KAFKA_BROKERS!.split(','), dataSource, edition, settleSeconds: 30 });
      expect(report.differences).toEqual([]);
      expect(report.boards.map((b) => [b.boardId, b.status, b.standings.length]).sort()).toEqual([
        [`${edition}:provincial:15:regency`, 'open', 2],
        [`${edition}:provincial:16:regency`, 'open', 2],
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
