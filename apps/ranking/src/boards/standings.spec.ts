import type { Nominee } from '@paritrana/contracts';
import { rankEntries, type Entry } from './standings';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const regency = (name: string, regionCode: string): Nominee => ({ kind: 'regency', name, regionCode });

/** An eligible, final entry submitted on 1 March 2025; each test changes only what it is about. */
const entry = (n: number, overrides: Partial<Entry> = {}): Entry => ({
  nominationId: id(n),
  nominee: regency(`Kabupaten ${n}`, `15.${String(n).padStart(2, '0')}`),
  submittedAt: '2025-03-01T08:00:00.000Z',
  total: 70,
  status: 'final',
  subScores: {},
  reasons: [],
  ...overrides,
});

const TIE_BREAK = ['coverage_pu', 'regulation'];

const order = (result: ReturnType<typeof rankEntries>) => result.standings.map((s) => s.nominationId);

describe('rankEntries', () => {
  it('should order entries by total descending', () => {
    const sut = rankEntries([entry(1, { total: 61.5 }), entry(2, { total: 81.25 }), entry(3, { total: 70 })], TIE_BREAK, 3);

    expect(order(sut)).toEqual([id(2), id(3), id(1)]);
    expect(sut.standings.map((s) => s.total)).toEqual([81.25, 70, 61.5]);
  });

  it('should break a tie on total by the first tie-break sub-score when totals are equal', () => {
    const sut = rankEntries(
      [entry(1, { subScores: { coverage_pu: 60, regulation: 100 } }), entry(2, { subScores: { coverage_pu: 67, regulation: 0 } })],
      TIE_BREAK,
      3,
    );

    expect(order(sut)).toEqual([id(2), id(1)]);
  });

  it('should break a tie by the second tie-break sub-score when the first is also equal', () => {
    const sut = rankEntries(
      [entry(1, { subScores: { coverage_pu: 67, regulation: 60 } }), entry(2, { subScores: { coverage_pu: 67, regulation: 100 } })],
      TIE_BREAK,
      3,
    );

    expect(order(sut)).toEqual([id(2), id(1)]);
  });

  it('should rank a missing tie-break sub-score as 0 when the other entry has one', () => {
    const sut = rankEntries([entry(1, { subScores: {} }), entry(2, { subScores: { coverage_pu: 1 } })], TIE_BREAK, 3);

    expect(order(sut)).toEqual([id(2), id(1)]);
  });

  it('should ignore sub-scores outside the tie-break when ordering ties', () => {
    const sut = rankEntries(
      [
        entry(1, { subScores: { interview: 100 }, submittedAt: '2025-03-02T08:00:00.000Z' }),
        entry(2, { subScores: { interview: 0 }, submittedAt: '2025-03-01T08:00:00.000Z' }),
      ],
      TIE_BREAK,
      3,
    );

    expect(order(sut)).toEqual([id(2), id(1)]);
  });

  it('should put the earlier submission first when totals and tie-breaks are equal', () => {
    const sub = { coverage_pu: 67, regulation: 100 };
    const sut = rankEntries(
      [
        entry(1, { subScores: sub, submittedAt: '2025-03-01T08:00:00.001Z' }),
        entry(2, { subScores: sub, submittedAt: '2025-03-01T08:00:00.000Z' }),
      ],
      TIE_BREAK,
      3,
    );

    expect(order(sut)).toEqual([id(2), id(1)]);
  });

  it('should put the smaller nomination id first when everything else is equal', () => {
    const sut = rankEntries([entry(3), entry(1), entry(2)], TIE_BREAK, 3);

    expect(order(sut)).toEqual([id(1), id(2), id(3)]);
  });

  it('should give ranks 1 to n without sharing when every entry ties', () => {
    const sut = rankEntries([entry(4), entry(2), entry(3), entry(1)], TIE_BREAK, 3);

    expect(sut.standings.map((s) => [s.rank, s.nominationId])).toEqual([
      [1, id(1)],
      [2, id(2)],
      [3, id(3)],
      [4, id(4)],
    ]);
  });

  it('should give the titles Terbaik I, II and III only to the first three when winners is 3', () => {
    const entries = [90, 85, 80, 75, 70].map((total, i) => entry(i + 1, { total }));

    const sut = rankEntries(entries, TIE_BREAK, 3);

    expect(sut.standings.map((s) => s.title)).toEqual(['Terbaik I', 'Terbaik II', 'Terbaik III', undefined, undefined]);
    expect(sut.standings[3]).not.toHaveProperty('title');
  });

  it('should give a title only to the first when winners is 1', () => {
    const sut = rankEntries([entry(1, { total: 90 }), entry(2, { total: 80 })], TIE_BREAK, 1);

    expect(sut.standings.map((s) => s.title)).toEqual(['Terbaik I', undefined]);
  });

  it('should build each standing from the entry when it is ranked', () => {
    const sut = rankEntries(
      [entry(8, { total: 81.25, status: 'provisional', nominee: regency('Kabupaten Bungo', '15.08') })],
      TIE_BREAK,
      3,
    );

    expect(sut.standings).toEqual([
      {
        rank: 1,
        title: 'Terbaik I',
        nominationId: id(8),
        nominee: { kind: 'regency', name: 'Kabupaten Bungo', regionCode: '15.08' },
        total: 81.25,
        status: 'provisional',
      },
    ]);
  });

  it('should keep an employer npp and drop its sector and size when it is listed', () => {
    const nominee: Nominee = {
      kind: 'employer',
      name: 'PT Contoh Sejahtera',
      regionCode: '15.08',
      npp: '12345678',
      sector: 'agriculture',
      size: 'medium',
    };

    const sut = rankEntries([entry(1, { nominee })], TIE_BREAK, 3);

    expect(sut.standings[0].nominee).toEqual({ kind: 'employer', name: 'PT Contoh Sejahtera', regionCode: '15.08', npp: '12345678' });
  });

  it('should list ineligible entries separately with their reasons when they are not ranked', () => {
    const sut = rankEntries(
      [
        entry(1, { total: 95, status: 'ineligible', reasons: ['programs must include JP'] }),
        entry(2, { total: 60 }),
        entry(3, { total: 80 }),
      ],
      TIE_BREAK,
      3,
    );

    expect(sut.standings.map((s) => [s.rank, s.nominationId, s.title])).toEqual([
      [1, id(3), 'Terbaik I'],
      [2, id(2), 'Terbaik II'],
    ]);
    expect(sut.ineligible).toEqual([
      {
        nominationId: id(1),
        nominee: { kind: 'regency', name: 'Kabupaten 1', regionCode: '15.01' },
        reasons: ['programs must include JP'],
      },
    ]);
  });

  it('should order ineligible entries by nomination id when there are several', () => {
    const sut = rankEntries(
      [
        entry(3, { status: 'ineligible', reasons: ['pds.workers must be false'] }),
        entry(1, { status: 'ineligible', reasons: ['programs must include JKK'] }),
      ],
      TIE_BREAK,
      3,
    );

    expect(sut.standings).toEqual([]);
    expect(sut.ineligible.map((e) => [e.nominationId, e.reasons])).toEqual([
      [id(1), ['programs must include JKK']],
      [id(3), ['pds.workers must be false']],
    ]);
  });

  it('should return empty lists when there are no entries', () => {
    expect(rankEntries([], TIE_BREAK, 3)).toEqual({ standings: [], ineligible: [] });
  });

  it('should leave the given entries in their order when it ranks them', () => {
    const entries = [entry(1, { total: 10 }), entry(2, { total: 90 })];

    rankEntries(entries, TIE_BREAK, 3);

    expect(entries.map((e) => e.nominationId)).toEqual([id(1), id(2)]);
  });
});
