import {
  readIndicator,
  type CriterionScore,
  type Criterion,
  type EligibilityRule,
  type Indicators,
  type Rubric,
  type Scale,
  type ScoreStatus,
  type ValueSource,
} from '@paritrana/contracts';
import { roundHalfAwayFromZero } from './rounding';

/** Non-conflicted assessors' scores per assessment round and criterion code. */
export type PanelScores = Record<string, Record<string, number[]>>;

/** Normalised panel values per round and criterion code; they replace the mean or median. */
export type NormalizedPanel = Record<string, Record<string, number>>;

export interface RubricScore {
  status: ScoreStatus;
  total: number;
  rubricVersion: number;
  criteria: CriterionScore[];
  reasons: string[];
}

type Value = number | string | null;

/**
 * Scores one nomination against a rubric: each criterion's value from its source, a sub-score in
 * [0, 100] from its scale, and the weighted mean of the sub-scores rounded to 2 decimals.
 */
export function scoreAgainstRubric(
  rubric: Rubric,
  indicators: Indicators,
  panel: PanelScores = {},
  normalized: NormalizedPanel = {},
): RubricScore {
  const weightSum = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  let weighted = 0;
  let awaitingPanel = false;
  const criteria = rubric.criteria.map((criterion): CriterionScore => {
    const value = resolveValue(criterion, indicators, panel, normalized);
    if ('panel' in criterion.value && panelCount(criterion, panel) < rubric.minAssessors) awaitingPanel = true;
    const subScore = applyScale(criterion.scale, value);
    weighted += criterion.weight * subScore;
    return {
      code: criterion.code,
      weight: criterion.weight,
      value: typeof value === 'number' ? roundHalfAwayFromZero(value, 6) : value,
      subScore: roundHalfAwayFromZero(subScore),
      contribution: roundHalfAwayFromZero((criterion.weight * subScore) / weightSum),
    };
  });
  const reasons = rubric.eligibility.flatMap((rule) => failedEligibility(rule, indicators));
  const total = roundHalfAwayFromZero(weighted / weightSum);
  const status: ScoreStatus = reasons.length > 0 ? 'ineligible' : awaitingPanel ? 'provisional' : 'final';
  return { status, total, rubricVersion: rubric.version, criteria, reasons };
}

function resolveValue(criterion: Criterion, indicators: Indicators, panel: PanelScores, normalized: NormalizedPanel): Value {
  const source: ValueSource = criterion.value;
  if ('indicator' in source) {
    const v = readIndicator(indicators, source.indicator);
    return typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : null;
  }
  if ('ratio' in source) {
    const [num, den] = source.ratio.map((p) => numberAt(indicators, p));
    if (num === null || den === null) return null;
    return den === 0 ? 0 : num / den;
  }
  if ('growth' in source) {
    const [current, previous] = source.growth.map((p) => numberAt(indicators, p));
    if (current === null || previous === null) return null;
    return previous === 0 ? 0 : (current - previous) / previous;
  }
  const scores = panel[source.panel]?.[criterion.code] ?? [];
  if (scores.length === 0) return null;
  const standardised = normalized[source.panel]?.[criterion.code];
  if (standardised !== undefined) return standardised;
  return criterion.aggregate === 'median' ? median(scores) : scores.reduce((a, b) => a + b, 0) / scores.length;
}

function applyScale(scale: Scale, value: Value): number {
  if (value === null) return 0;
  if ('map' in scale) return scale.map[String(value)] ?? 0;
  if (typeof value !== 'number') return 0;
  if ('linear' in scale) {
    const { min, max } = scale.linear;
    return Math.min(Math.max((value - min) / (max - min), 0), 1) * 100;
  }
  let best: { gte: number; score: number } | undefined;
  for (const step of scale.steps) if (value >= step.gte && (!best || step.gte > best.gte)) best = step;
  return best?.score ?? 0;
}

function failedEligibility(rule: EligibilityRule, indicators: Indicators): string[] {
  const actual = readIndicator(indicators, rule.indicator);
  if ('includesAll' in rule) {
    const missing = rule.includesAll.filter((v) => !(Array.isArray(actual) && actual.includes(v)));
    return missing.length === 0 ? [] : [`${rule.indicator} must include ${missing.map(String).join(', ')}`];
  }
  return JSON.stringify(actual) === JSON.stringify(rule.equals) ? [] : [`${rule.indicator} must be ${JSON.stringify(rule.equals)}`];
}

function panelCount(criterion: Criterion, panel: PanelScores): number {
  return 'panel' in criterion.value ? (panel[criterion.value.panel]?.[criterion.code]?.length ?? 0) : 0;
}

function numberAt(indicators: Indicators, path: string): number | null {
  const v = readIndicator(indicators, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
