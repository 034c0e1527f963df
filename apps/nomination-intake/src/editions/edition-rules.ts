import { ALL_INDICATORS, type EditionDefinition, type RegionDirectory, type Rubric, type Tier } from '@paritrana/contracts';
import type { FieldError } from '@paritrana/platform';

/**
 * The rules a well-formed edition obeys beyond its shape. Returns every problem found, each with
 * the path of the offending field, so the secretariat can fix a definition in one round.
 */
export function checkEditionRules(edition: EditionDefinition, regions: RegionDirectory): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });

  checkWindow(edition.schedule.provincial, 'schedule.provincial', add);
  if (edition.schedule.national) checkWindow(edition.schedule.national, 'schedule.national', add);

  const zoneOf = new Map<string, string>();
  const zoneCodes = new Set<string>();
  edition.zones.forEach((zone, z) => {
    if (zoneCodes.has(zone.code)) add(`zones.${z}.code`, `zone ${zone.code} is defined twice`);
    zoneCodes.add(zone.code);
    zone.provinces.forEach((province, p) => {
      const path = `zones.${z}.provinces.${p}`;
      if (!regions.isProvince(province)) add(path, `${province} is not an official province code`);
      const other = zoneOf.get(province);
      if (other && other !== zone.code) add(path, `province ${province} is already in zone ${other}`);
      zoneOf.set(province, zone.code);
    });
  });

  const categoryCodes = new Set<string>();
  edition.categories.forEach((category, c) => {
    const at = `categories.${c}`;
    if (categoryCodes.has(category.code)) add(`${at}.code`, `category ${category.code} is defined twice`);
    categoryCodes.add(category.code);
    if (category.advance > category.winners)
      add(`${at}.advance`, `advance (${category.advance}) cannot exceed winners (${category.winners})`);
    if (category.tiers.includes('national') && !edition.schedule.national) {
      add(`${at}.tiers`, 'a national tier needs schedule.national');
    }
    if (category.nationalScope === 'zone' && edition.zones.length === 0) add(`${at}.nationalScope`, 'zone scope needs zones');
    for (const tier of category.tiers) {
      const rubric = category.rubrics[tier];
      if (!rubric) add(`${at}.rubrics.${tier}`, `the ${tier} tier needs a rubric`);
      else checkRubric(rubric, `${at}.rubrics.${tier}`, add);
    }
    for (const tier of Object.keys(category.rubrics) as Tier[]) {
      if (!category.tiers.includes(tier)) add(`${at}.rubrics.${tier}`, `${tier} is not among the category's tiers`);
    }
  });
  return errors;
}

function checkWindow(window: { submissionsOpen: string; submissionsClose: string }, path: string, add: (p: string, m: string) => void) {
  if (Date.parse(window.submissionsClose) <= Date.parse(window.submissionsOpen)) {
    add(`${path}.submissionsClose`, 'the window must close after it opens');
  }
}

function checkRubric(rubric: Rubric, at: string, add: (p: string, m: string) => void) {
  const codes = new Set<string>();
  rubric.criteria.forEach((criterion, i) => {
    const path = `${at}.criteria.${i}`;
    if (codes.has(criterion.code)) add(`${path}.code`, `criterion ${criterion.code} is defined twice`);
    codes.add(criterion.code);
    checkValueSource(criterion.value as unknown as Record<string, unknown>, `${path}.value`, add);
    checkScale(criterion.scale as unknown as Record<string, unknown>, `${path}.scale`, add);
  });
  rubric.tieBreak.forEach((code, i) => {
    if (!codes.has(code)) add(`${at}.tieBreak.${i}`, `tie-break names unknown criterion ${code}`);
  });
  rubric.eligibility.forEach((rule, i) => {
    const r = rule as unknown as Record<string, unknown>;
    const path = `${at}.eligibility.${i}`;
    if (typeof r.indicator !== 'string' || !ALL_INDICATORS.has(r.indicator))
      add(`${path}.indicator`, `unknown indicator ${String(r.indicator)}`);
    const hasEquals = 'equals' in r;
    const hasIncludes = Array.isArray(r.includesAll);
    if (hasEquals === hasIncludes) add(path, 'a rule has exactly one of equals or includesAll (an array)');
  });
}

function checkValueSource(value: Record<string, unknown>, path: string, add: (p: string, m: string) => void) {
  const kinds = Object.keys(value);
  if (kinds.length !== 1 || !['indicator', 'ratio', 'growth', 'panel'].includes(kinds[0])) {
    add(path, 'value needs exactly one of indicator, ratio, growth or panel');
    return;
  }
  const [kind] = kinds;
  const arg = value[kind];
  if (kind === 'panel') {
    if (typeof arg !== 'string' || !/^[a-z][a-z0-9_-]{0,39}$/.test(arg))
      add(`${path}.panel`, 'panel names an assessment round, e.g. "interview"');
    return;
  }
  const paths = kind === 'indicator' ? [arg] : arg;
  if (!Array.isArray(paths) || (kind !== 'indicator' && paths.length !== 2)) {
    add(`${path}.${kind}`, `${kind} takes two indicator paths`);
    return;
  }
  paths.forEach((indicator, i) => {
    if (typeof indicator !== 'string' || !ALL_INDICATORS.has(indicator)) {
      add(kind === 'indicator' ? `${path}.indicator` : `${path}.${kind}.${i}`, `unknown indicator ${String(indicator)}`);
    }
  });
}

function checkScale(scale: Record<string, unknown>, path: string, add: (p: string, m: string) => void) {
  const kinds = Object.keys(scale);
  if (kinds.length !== 1 || !['linear', 'steps', 'map'].includes(kinds[0])) {
    add(path, 'scale needs exactly one of linear, steps or map');
    return;
  }
  const body = scale[kinds[0]];
  if (kinds[0] === 'linear') {
    const { min, max } = (body ?? {}) as Record<string, unknown>;
    if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) {
      add(`${path}.linear`, 'linear needs numeric min and max');
    } else if (max <= min) add(`${path}.linear.max`, 'max must be greater than min');
  } else if (kinds[0] === 'steps') {
    if (!Array.isArray(body) || body.length === 0) {
      add(`${path}.steps`, 'steps needs at least one { gte, score }');
      return;
    }
    body.forEach((step: unknown, i) => {
      const { gte, score } = (step ?? {}) as Record<string, unknown>;
      if (typeof gte !== 'number' || !Number.isFinite(gte)) add(`${path}.steps.${i}.gte`, 'gte must be a number');
      if (typeof score !== 'number' || score < 0 || score > 100) add(`${path}.steps.${i}.score`, 'score must be a number in [0, 100]');
    });
  } else {
    if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length === 0) {
      add(`${path}.map`, 'map needs at least one value: score pair');
      return;
    }
    for (const [key, score] of Object.entries(body)) {
      if (typeof score !== 'number' || score < 0 || score > 100) add(`${path}.map.${key}`, 'score must be a number in [0, 100]');
    }
  }
}
