import type { EditionDefinition } from '@paritrana/contracts';
import { matchAssessments, pendingAssessments, readDemoAssessments, roundsOutsideRubrics, type NominationRef } from './demo-assessments';

const HEADER = 'edition,tier,province,category,nominee,round,scores.verification,scores.interview,comment';

const nomination = (id: string, category: string, regionCode: string, npp?: string, status = 'submitted'): NominationRef => ({
  id,
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category,
  status,
  nominee: { regionCode, ...(npp ? { npp } : {}) },
});

describe('readDemoAssessments', () => {
  it('should read one assessment per row with the scores of its round and its comment', () => {
    const csv = `${HEADER}
2024,provincial,15,regency,15.08,verification,92,,"Berkas lengkap, terverifikasi"
2024,provincial,15,employer-finance,24150601,interview,,95,
`;

    expect(readDemoAssessments(csv)).toEqual([
      {
        row: 2,
        edition: '2024',
        tier: 'provincial',
        province: '15',
        category: 'regency',
        nominee: '15.08',
        round: 'verification',
        scores: { verification: 92 },
        comment: 'Berkas lengkap, terverifikasi',
      },
      {
        row: 3,
        edition: '2024',
        tier: 'provincial',
        province: '15',
        category: 'employer-finance',
        nominee: '24150601',
        round: 'interview',
        scores: { interview: 95 },
      },
    ]);
  });

  it('should refuse a file naming every bad cell by row', () => {
    const csv = `${HEADER}
2024,provincial,15,regency,15.08,interview,,lots,
2024,provincial,15,regency,,interview,,,`;

    expect(() => readDemoAssessments(csv)).toThrow(
      'The demo assessments have bad cells: row 2: scores.interview "lots" is not a number; row 2: no score; row 3: nominee is empty; row 3: no score',
    );
  });

  it('should refuse a file without the columns that place an assessment', () => {
    expect(() => readDemoAssessments('edition,nominee,scores.interview\n2024,15.08,90')).toThrow(
      'The demo assessments lack the column(s) tier, province, category, round',
    );
  });
});

describe('matchAssessments', () => {
  const csv = `${HEADER}
2024,provincial,15,regency,15.08,interview,,93,
2024,provincial,15,employer-finance,24150601,interview,,95,
2024,provincial,15,village,15.05.06.2016,interview,,95,
2024,provincial,15,regency,15.71,interview,,87,`;

  it('should find each nomination by its board and nominee key, the NPP for employers, setting aside withdrawn ones', () => {
    const nominations = [
      nomination('bungo', 'regency', '15.08'),
      nomination('bank', 'employer-finance', '15.71', '24150601'),
      nomination('bungo-village-board', 'village', '15.08'),
      nomination('kota-jambi', 'regency', '15.71', undefined, 'withdrawn'),
    ];

    const sut = matchAssessments(readDemoAssessments(csv), nominations);

    expect(sut.matched.map((a) => [a.row, a.nominationId])).toEqual([
      [2, 'bungo'],
      [3, 'bank'],
    ]);
    expect(sut.unmatched.map((a) => a.row)).toEqual([4]);
    expect(sut.withdrawn.map((a) => a.row)).toEqual([5]);
  });
});

describe('pendingAssessments', () => {
  it('should leave out the rounds the assessor already has a current assessment of, and only those', () => {
    const csv = `${HEADER}
2024,provincial,15,regency,15.08,verification,92,,
2024,provincial,15,regency,15.08,interview,,93,
2024,provincial,15,regency,15.05,interview,,90,
2024,provincial,15,regency,15.71,interview,,87,`;
    const { matched } = matchAssessments(readDemoAssessments(csv), [
      nomination('bungo', 'regency', '15.08'),
      nomination('muaro-jambi', 'regency', '15.05'),
      nomination('kota-jambi', 'regency', '15.71'),
    ]);
    const recorded = new Map([
      ['bungo', [{ assessor: 'penilai-jambi', round: 'verification', current: true }]],
      ['muaro-jambi', [{ assessor: 'penilai-jambi', round: 'interview', current: false }]],
      ['kota-jambi', [{ assessor: 'penilai-lain', round: 'interview', current: true }]],
    ]);

    const sut = pendingAssessments(matched, recorded, 'penilai-jambi');

    expect(sut.map((a) => [a.nominationId, a.round])).toEqual([
      ['bungo', 'interview'],
      ['muaro-jambi', 'interview'],
      ['kota-jambi', 'interview'],
    ]);
  });
});

describe('roundsOutsideRubrics', () => {
  const rubric = (rounds: string[]) => ({
    version: 1,
    minAssessors: 1,
    eligibility: [],
    tieBreak: [],
    criteria: rounds.map((round) => ({
      code: round,
      name: round,
      weight: 10,
      value: { panel: round },
      scale: { linear: { min: 0, max: 100 } },
    })),
  });
  const edition = (rounds: string[]) =>
    ({
      code: '2024',
      categories: [{ code: 'regency', nomineeKind: 'regency', tiers: ['provincial'], rubrics: { provincial: rubric(rounds) } }],
    }) as unknown as EditionDefinition;
  const csv = `${HEADER}
2024,provincial,15,regency,15.08,verification,92,,
2024,provincial,15,regency,15.08,interview,,93,
2024,provincial,15,village,15.05.06.2016,interview,,95,`;

  it('should name the category and round of every assessment the stored rubrics cannot take', () => {
    expect(roundsOutsideRubrics(readDemoAssessments(csv), edition(['interview']))).toEqual(['regency verification', 'village interview']);
  });

  it('should name none when every round is a panel round of its category', () => {
    expect(roundsOutsideRubrics(readDemoAssessments(csv).slice(0, 2), edition(['verification', 'interview']))).toEqual([]);
  });
});
