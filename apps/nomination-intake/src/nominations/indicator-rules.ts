import {
  BPJS_PROGRAMS,
  EMPLOYER_COUNT_INDICATORS,
  GOVERNMENT_COUNT_INDICATORS,
  PART_OF_WHOLE,
  readIndicator,
  REGULATION_LEVELS,
  type Indicators,
  type NomineeKind,
} from '@paritrana/contracts';
import type { FieldError } from '@paritrana/platform';

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks a nomination's indicators for its nominee kind: known fields, types, and parts within wholes. */
export function checkIndicators(kind: NomineeKind, indicators: Indicators): FieldError[] {
  const errors: FieldError[] = [];
  const counts = new Set<string>(kind === 'employer' ? EMPLOYER_COUNT_INDICATORS : GOVERNMENT_COUNT_INDICATORS);
  const special: Record<string, (v: unknown) => string | undefined> =
    kind === 'employer'
      ? {
          programs: (v) =>
            Array.isArray(v) && v.every((p) => (BPJS_PROGRAMS as readonly unknown[]).includes(p)) && new Set(v).size === v.length
              ? undefined
              : `must be a list of distinct programs among ${BPJS_PROGRAMS.join(', ')}`,
          'pds.workers': (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
          'pds.wages': (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
          'pds.programs': (v) => (typeof v === 'boolean' ? undefined : 'must be true or false'),
        }
      : {
          'regulation.level': (v) =>
            (REGULATION_LEVELS as readonly unknown[]).includes(v) ? undefined : `must be one of ${REGULATION_LEVELS.join(', ')}`,
        };

  const visit = (node: unknown, prefix: string) => {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (counts.has(path)) {
        if (!isCount(value)) errors.push({ path: `indicators.${path}`, message: 'must be a non-negative integer' });
      } else if (Object.hasOwn(special, path)) {
        const problem = special[path](value);
        if (problem) errors.push({ path: `indicators.${path}`, message: problem });
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && isGroup(path, counts, special)) {
        visit(value, path);
      } else {
        errors.push({ path: `indicators.${path}`, message: `is not a known ${kind} indicator` });
      }
    }
  };
  visit(indicators, '');

  for (const [part, whole] of PART_OF_WHOLE) {
    const p = readIndicator(indicators, part);
    const w = readIndicator(indicators, whole);
    if (isCount(p) && isCount(w) && (p as number) > (w as number)) {
      errors.push({ path: `indicators.${part}`, message: `cannot exceed ${whole} (${String(w)})` });
    }
  }
  return errors;
}

function isGroup(path: string, counts: Set<string>, special: Record<string, unknown>): boolean {
  const prefix = `${path}.`;
  return [...counts, ...Object.keys(special)].some((known) => known.startsWith(prefix));
}
