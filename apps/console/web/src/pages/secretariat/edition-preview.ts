/**
 * A readable view of an edition definition that may be incomplete or wrong (it is shown before the
 * service has checked it): every field read defensively, nothing assumed about its shape.
 */

export type ValueSource =
  | { kind: 'indicator'; indicators: string[] }
  | { kind: 'ratio' | 'growth'; indicators: string[] }
  | { kind: 'panel'; round: string }
  | { kind: 'unknown' };

export type Scale =
  | { kind: 'linear'; min?: number; max?: number }
  | { kind: 'steps'; steps: { gte?: number; score?: number }[] }
  | { kind: 'map'; entries: [string, number | undefined][] }
  | { kind: 'unknown' };

export interface CriterionPreview {
  path: string;
  code?: string;
  name?: string;
  weight?: number;
  /** The weight's share of the rubric's total, 0–1; undefined when the total is not positive. */
  share?: number;
  value: ValueSource;
  scale: Scale;
  aggregate?: string;
}

export interface RubricPreview {
  path: string;
  tier: string;
  version?: number;
  minAssessors?: number;
  eligibility: { indicator?: string; equals?: unknown; includesAll?: unknown[] }[];
  criteria: CriterionPreview[];
  /** The sum of the criteria's weights: totals are weighted means, so it need not be 100. */
  weightTotal: number;
  tieBreak: string[];
}

export interface CategoryPreview {
  path: string;
  code?: string;
  name?: string;
  nomineeKind?: string;
  tiers: string[];
  winners?: number;
  advance?: number;
  nationalScope?: string;
  rubrics: RubricPreview[];
}

export interface EditionPreview {
  code?: string;
  name?: string;
  assessmentYear?: number;
  awardYear?: number;
  panelNormalization?: string;
  schedule: { path: string; tier: string; open?: string; close?: string }[];
  zones: { path: string; code?: string; name?: string; provinces: string[] }[];
  categories: CategoryPreview[];
}

type Json = Record<string, unknown>;
/** The provincial round first, then the national one, then anything else as written. */
const byTier = (a: { tier: string }, b: { tier: string }) => TIER_ORDER(a.tier) - TIER_ORDER(b.tier);
const TIER_ORDER = (tier: string) => (tier === 'provincial' ? 0 : tier === 'national' ? 1 : 2);
const object = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const texts = (value: unknown): string[] => array(value).filter((v): v is string => typeof v === 'string');

function valueSource(value: unknown): ValueSource {
  const v = object(value);
  if (typeof v.indicator === 'string') return { kind: 'indicator', indicators: [v.indicator] };
  if (Array.isArray(v.ratio)) return { kind: 'ratio', indicators: texts(v.ratio) };
  if (Array.isArray(v.growth)) return { kind: 'growth', indicators: texts(v.growth) };
  if (typeof v.panel === 'string') return { kind: 'panel', round: v.panel };
  return { kind: 'unknown' };
}

function scale(value: unknown): Scale {
  const s = object(value);
  if ('linear' in s) return { kind: 'linear', min: number(object(s.linear).min), max: number(object(s.linear).max) };
  if ('steps' in s)
    return { kind: 'steps', steps: array(s.steps).map((step) => ({ gte: number(object(step).gte), score: number(object(step).score) })) };
  if ('map' in s) return { kind: 'map', entries: Object.entries(object(s.map)).map(([key, score]) => [key, number(score)]) };
  return { kind: 'unknown' };
}

function rubric(value: unknown, tier: string, path: string): RubricPreview {
  const r = object(value);
  const criteria = array(r.criteria).map((c, i) => {
    const criterion = object(c);
    return {
      path: `${path}.criteria.${i}`,
      code: text(criterion.code),
      name: text(criterion.name),
      weight: number(criterion.weight),
      value: valueSource(criterion.value),
      scale: scale(criterion.scale),
      aggregate: text(criterion.aggregate),
    };
  });
  const weightTotal = criteria.reduce((sum, c) => sum + (c.weight ?? 0), 0);
  return {
    path,
    tier,
    version: number(r.version),
    minAssessors: number(r.minAssessors),
    eligibility: array(r.eligibility).map((rule) => {
      const e = object(rule);
      return { indicator: text(e.indicator), equals: e.equals, includesAll: Array.isArray(e.includesAll) ? e.includesAll : undefined };
    }),
    criteria: criteria.map((c) => ({ ...c, share: weightTotal > 0 && c.weight !== undefined ? c.weight / weightTotal : undefined })),
    weightTotal,
    tieBreak: texts(r.tieBreak),
  };
}

export function previewOf(value: unknown): EditionPreview {
  const e = object(value);
  const schedule = object(e.schedule);
  return {
    code: text(e.code),
    name: text(e.name),
    assessmentYear: number(e.assessmentYear),
    awardYear: number(e.awardYear),
    panelNormalization: text(e.panelNormalization),
    schedule: Object.entries(schedule)
      .map(([tier, window]) => ({
        path: `schedule.${tier}`,
        tier,
        open: text(object(window).submissionsOpen),
        close: text(object(window).submissionsClose),
      }))
      .sort(byTier),
    zones: array(e.zones).map((z, i) => ({
      path: `zones.${i}`,
      code: text(object(z).code),
      name: text(object(z).name),
      provinces: texts(object(z).provinces),
    })),
    categories: array(e.categories).map((c, i) => {
      const category = object(c);
      const path = `categories.${i}`;
      return {
        path,
        code: text(category.code),
        name: text(category.name),
        nomineeKind: text(category.nomineeKind),
        tiers: texts(category.tiers),
        winners: number(category.winners),
        advance: number(category.advance),
        nationalScope: text(category.nationalScope),
        rubrics: Object.entries(object(category.rubrics))
          .map(([tier, r]) => rubric(r, tier, `${path}.rubrics.${tier}`))
          .sort(byTier),
      };
    }),
  };
}

/** The parts of the preview that carry an anchor, most specific first. */
const ANCHORED = [
  /^categories\.\d+\.rubrics\.[^.]+\.criteria\.\d+/,
  /^categories\.\d+\.rubrics\.[^.]+/,
  /^categories\.\d+/,
  /^zones\.\d+/,
  /^schedule\.[^.]+/,
  /^schedule/,
  /^zones/,
  /^categories/,
];

/**
 * Where in the preview a problem's path is shown: the most specific anchored part that contains
 * it, or the edition's general facts. `categories[0].weight` and `categories.0.weight` are the same path.
 */
export function anchorOf(path: string): string {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  for (const pattern of ANCHORED) {
    const match = pattern.exec(dotted);
    if (match) return match[0];
  }
  return 'general';
}

/** The DOM id of an anchored part of the preview. */
export const anchorId = (anchor: string) => `bagian-${anchor.replace(/\./g, '-')}`;

export type ParsedDocument = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/** The pasted or uploaded document as JSON, or where it stops being JSON (line and column counted from 1). */
export function parseDocument(source: string): ParsedDocument {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const message = (error as Error).message;
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) return { ok: false, message, line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
    const position = /position (\d+)/.exec(message);
    if (!position) return { ok: false, message };
    const before = source.slice(0, Number(position[1])).split('\n');
    return { ok: false, message, line: before.length, column: before[before.length - 1].length + 1 };
  }
}
