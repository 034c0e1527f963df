import type { Rubric } from '@paritrana/contracts';
import { roundHalfAwayFromZero } from './rounding';
import { scoreAgainstRubric } from './rubric-engine';

const regencyRubric: Rubric = {
  version: 1,
  minAssessors: 1,
  eligibility: [],
  criteria: [
    {
      code: 'coverage_pu',
      name: 'Coverage PU',
      weight: 25,
      value: { ratio: ['participants.wageEarners', 'workforce.wageEarners'] },
      scale: { linear: { min: 0, max: 1 } },
    },
    {
      code: 'regulation',
      name: 'Regulasi',
      weight: 15,
      value: { indicator: 'regulation.level' },
      scale: { map: { none: 0, decree: 60, perda: 100 } },
    },
    { code: 'interview', name: 'Wawancara', weight: 20, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } },
  ],
  tieBreak: ['coverage_pu', 'regulation'],
};

const bungo = { workforce: { wageEarners: 61000 }, participants: { wageEarners: 40870 }, regulation: { level: 'perda' } };

describe('scoreAgainstRubric', () => {
  it('should explain a provisional score when the interview panel has not scored yet', () => {
    const sut = scoreAgainstRubric(regencyRubric, bungo);

    expect(sut.status).toBe('provisional');
    expect(sut.criteria).toEqual([
      { code: 'coverage_pu', weight: 25, value: 0.67, subScore: 67, contribution: 27.92 },
      { code: 'regulation', weight: 15, value: 'perda', subScore: 100, contribution: 25 },
      { code: 'interview', weight: 20, value: null, subScore: 0, contribution: 0 },
    ]);
    // (25 × 67 + 15 × 100 + 20 × 0) / 60 = 52.9166…
    expect(sut.total).toBe(52.92);
  });

  it('should be final with the mean of the panel when minAssessors is reached', () => {
    const sut = scoreAgainstRubric(regencyRubric, bungo, { interview: { interview: [80, 90] } });

    expect(sut.status).toBe('final');
    // (25 × 67 + 15 × 100 + 20 × 85) / 60 = 81.25
    expect(sut.total).toBe(81.25);
  });

  it('should use the median when the criterion asks for it', () => {
    const rubric: Rubric = {
      ...regencyRubric,
      criteria: regencyRubric.criteria.map((c) => (c.code === 'interview' ? { ...c, aggregate: 'median' as const } : c)),
    };

    const sut = scoreAgainstRubric(rubric, bungo, { interview: { interview: [70, 100, 90] } });

    expect(sut.criteria[2]).toMatchObject({ value: 90, subScore: 90 });
  });

  it('should be final at once when the rubric has no panel criteria', () => {
    const rubric: Rubric = { ...regencyRubric, criteria: regencyRubric.criteria.slice(0, 2) };

    expect(scoreAgainstRubric(rubric, bungo)).toMatchObject({ status: 'final', total: 79.38 });
  });

  it('should score growth on steps and give 0 when the previous value is 0', () => {
    const rubric: Rubric = {
      version: 2,
      minAssessors: 0,
      eligibility: [],
      criteria: [
        {
          code: 'growth',
          name: 'Pertumbuhan',
          weight: 1,
          value: { growth: ['participants.wageEarners', 'participants.previousYear'] },
          scale: {
            steps: [
              { gte: 0, score: 20 },
              { gte: 0.1, score: 60 },
              { gte: 0.25, score: 100 },
            ],
          },
        },
      ],
      tieBreak: [],
    };

    expect(scoreAgainstRubric(rubric, { participants: { wageEarners: 115, previousYear: 100 } }).total).toBe(60);
    expect(scoreAgainstRubric(rubric, { participants: { wageEarners: 90, previousYear: 100 } }).total).toBe(0);
    expect(scoreAgainstRubric(rubric, { participants: { wageEarners: 90, previousYear: 0 } }).criteria[0]).toMatchObject({
      value: 0,
      subScore: 20,
    });
  });

  it('should give a ratio of 0 when the denominator is 0 and clamp linear scales', () => {
    const rubric: Rubric = { ...regencyRubric, criteria: [regencyRubric.criteria[0]], minAssessors: 0 };

    expect(scoreAgainstRubric(rubric, { workforce: { wageEarners: 0 }, participants: { wageEarners: 0 } }).total).toBe(0);
    expect(
      scoreAgainstRubric({ ...rubric, criteria: [{ ...rubric.criteria[0], scale: { linear: { min: 0, max: 0.5 } } }] }, bungo).total,
    ).toBe(100);
  });

  it('should make an employer ineligible with readable reasons when it misses a program or has PDS', () => {
    const rubric: Rubric = {
      ...regencyRubric,
      eligibility: [
        { indicator: 'programs', includesAll: ['JKK', 'JKM', 'JHT', 'JP'] },
        { indicator: 'pds.workers', equals: false },
      ],
    };

    const sut = scoreAgainstRubric(rubric, { programs: ['JKK', 'JKM'], pds: { workers: true } });

    expect(sut.status).toBe('ineligible');
    expect(sut.reasons).toEqual(['programs must include JHT, JP', 'pds.workers must be false']);
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [-1.005, -1.01],
    [52.91666, 52.92],
    [0.125, 0.13],
  ])('should round %d to %d', (input, expected) => {
    expect(roundHalfAwayFromZero(input)).toBe(expected);
  });
});
