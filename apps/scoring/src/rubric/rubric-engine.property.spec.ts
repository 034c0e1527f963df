import type { Criterion, Rubric } from '@paritrana/contracts';
import fc from 'fast-check';
import { roundHalfAwayFromZero } from './rounding';
import { scoreAgainstRubric, type PanelScores } from './rubric-engine';

const INDICATORS = [
  'workforce.wageEarners',
  'participants.wageEarners',
  'participants.previousYear',
  'nonAsn.workers',
  'nonAsn.covered',
] as const;

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const linear = fc
  .tuple(finite, fc.double({ min: 1e-3, max: 1e6, noNaN: true }))
  .map(([min, span]) => ({ linear: { min, max: min + span } }));
const steps = fc
  .array(fc.record({ gte: finite, score: fc.double({ min: 0, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 5 })
  .map((s) => ({ steps: s }));
const map = fc
  .dictionary(fc.constantFrom('none', 'decree', 'perda'), fc.double({ min: 0, max: 100, noNaN: true }))
  .map((m) => ({ map: m }));

const value = fc.oneof(
  fc.constantFrom(...INDICATORS).map((indicator) => ({ indicator })),
  fc.tuple(fc.constantFrom(...INDICATORS), fc.constantFrom(...INDICATORS)).map((ratio) => ({ ratio })),
  fc.tuple(fc.constantFrom(...INDICATORS), fc.constantFrom(...INDICATORS)).map((growth) => ({ growth })),
  fc.constant({ panel: 'interview' }),
);

const criterion = (code: string) =>
  fc
    .record({ weight: fc.double({ min: 0.01, max: 1000, noNaN: true }), value, scale: fc.oneof(linear, steps, map) })
    .map((c): Criterion => ({ code, name: code, ...c }) as Criterion);

const rubric: fc.Arbitrary<Rubric> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => criterion(`c${i}`)), fc.integer({ min: 0, max: 3 })).map((parts) => {
    const criteria = parts.slice(0, n) as Criterion[];
    return { version: 1, minAssessors: parts[n] as number, eligibility: [], criteria, tieBreak: [] };
  }),
);

const indicators = fc.record({
  workforce: fc.record({ wageEarners: fc.nat({ max: 10_000_000 }) }),
  participants: fc.record({ wageEarners: fc.nat({ max: 10_000_000 }), previousYear: fc.nat({ max: 10_000_000 }) }),
  nonAsn: fc.record({ workers: fc.nat({ max: 100_000 }), covered: fc.nat({ max: 100_000 }) }),
  regulation: fc.record({ level: fc.constantFrom('none', 'decree', 'perda') }),
});

const panel: fc.Arbitrary<PanelScores> = fc
  .dictionary(
    fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'c5'),
    fc.array(fc.double({ min: -200, max: 200, noNaN: true }), { maxLength: 4 }),
  )
  .map((byCriterion) => ({ interview: byCriterion }));

describe('rubric engine properties', () => {
  it('should keep every sub-score and the total within [0, 100]', () => {
    fc.assert(
      fc.property(rubric, indicators, panel, (r, i, p) => {
        const sut = scoreAgainstRubric(r, i, p);
        for (const c of sut.criteria) expect(c.subScore >= 0 && c.subScore <= 100).toBe(true);
        expect(sut.total >= 0 && sut.total <= 100).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('should never lower the total when a value on a linear scale rises', () => {
    const linearIndicatorRubric = fc
      .array(fc.tuple(fc.double({ min: 0.01, max: 100, noNaN: true }), linear), { minLength: 1, maxLength: 4 })
      .map((parts): Rubric => ({
        version: 1,
        minAssessors: 0,
        eligibility: [],
        criteria: parts.map(([weight, scale], i) => ({ code: `c${i}`, name: `c${i}`, weight, value: { indicator: INDICATORS[i] }, scale })),
        tieBreak: [],
      }));
    fc.assert(
      fc.property(linearIndicatorRubric, indicators, fc.nat({ max: 1_000_000 }), (r, i, raise) => {
        const before = scoreAgainstRubric(r, i).total;
        const raised = { ...i, workforce: { wageEarners: i.workforce.wageEarners + raise } };
        expect(scoreAgainstRubric(r, raised).total).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('should leave totals unchanged when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(rubric, indicators, panel, fc.double({ min: 0.01, max: 1000, noNaN: true }), (r, i, p, k) => {
        const scaled = { ...r, criteria: r.criteria.map((c) => ({ ...c, weight: c.weight * k })) };
        expect(Math.abs(scoreAgainstRubric(scaled, i, p).total - scoreAgainstRubric(r, i, p).total)).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 500 },
    );
  });

  it('should round to 2 decimals half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (thousandths) => {
        const expected = (Math.sign(thousandths) * Math.floor((Math.abs(thousandths) + 5) / 10)) / 100;
        expect(roundHalfAwayFromZero(thousandths / 1000)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 5000 },
    );
  });
});
