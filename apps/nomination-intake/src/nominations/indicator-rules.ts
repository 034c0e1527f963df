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

type Problem = Omit<FieldError, 'path'>;

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks a nomination's indicators for its nominee kind: known fields, types, and parts within wholes. */
export function checkIndicators(kind: NomineeKind, indicators: Indicators): FieldError[] {
  const errors: FieldError[] = [];
  const counts = new Set<string>(kind === 'employer' ? EMPLOYER_COUNT_INDICATORS : GOVERNMENT_COUNT_INDICATORS);
  const boolean = (v: unknown): Problem | undefined =>
    typeof v === 'boolean' ? undefined : { message: 'must be true or false', code: 'isBoolean' };
  const special: Record<string, (v: unknown) => Problem | undefined> =
    kind === 'employer'
      ? {
          programs: (v) =>
            Array.isArray(v) && v.every((p) => (BPJS_PROGRAMS as readonly unknown[]).includes(p)) && new Set(v).size === v.length
              ? undefined
              : {
                  message: `must be a list of distinct programs among ${BPJS_PROGRAMS.join(', ')}`,
                  code: 'programs',
                  params: { values: BPJS_PROGRAMS.join(', ') },
                },
          'pds.workers': boolean,
          'pds.wages': boolean,
          'pds.programs': boolean,
        }
      : {
          'regulation.level': (v) =>
            (REGULATION_LEVELS as readonly unknown[]).includes(v)
              ? undefined
              : {
                  message: `must be one of ${REGULATION_LEVELS.join(', ')}`,
                  code: 'isIn',
                  params: { values: REGULATION_LEVELS.join(', ') },
                },
        };

  const visit = (node: unknown, prefix: string) => {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (counts.has(path)) {
        if (!isCount(value)) errors.push({ path: `indicators.${path}`, message: 'must be a non-negative integer', code: 'count' });
      } else if (Object.hasOwn(special, path)) {
        const problem = special[path](value);
        if (problem) errors.push({ path: `indicators.${path}`, ...problem });
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && isGroup(path, counts, special)) {
        visit(value, path);
      } else {
        errors.push({ path: `indicators.${path}`, message: `is not a known ${kind} indicator`, code: 'unknownField' });
      }
    }
  };
  visit(indicators, '');

  for (const [part, whole] of PART_OF_WHOLE) {
    const p = readIndicator(indicators, part);
    const w = readIndicator(indicators, whole);
    if (isCount(p) && isCount(w) && (p as number) > (w as number)) {
      errors.push({
        path: `indicators.${part}`,
        message: `cannot exceed ${whole} (${String(w)})`,
        code: 'partAboveWhole',
        params: { whole, limit: w as number },
      });
    }
  }
  return errors;
}

function isGroup(path: string, counts: Set<string>, special: Record<string, unknown>): boolean {
  const prefix = `${path}.`;
  return [...counts, ...Object.keys(special)].some((known) => known.startsWith(prefix));
}
