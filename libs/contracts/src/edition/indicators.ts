import { Type, type TSchema } from '@sinclair/typebox';
import { StringEnum } from './edition-definition';

/** Every indicator a nomination may carry, by dotted path. Counts are non-negative integers. */
export const GOVERNMENT_COUNT_INDICATORS = [
  'workforce.wageEarners',
  'workforce.nonWageEarners',
  'participants.wageEarners',
  'participants.nonWageEarners',
  'participants.previousYear',
  'nonAsn.workers',
  'nonAsn.covered',
  'vulnerable.coveredByRegionalBudget',
  'vulnerable.coveredByVillageBudget',
  'villages.total',
  'villages.meeting100Target',
  'budget.allocatedIdr',
] as const;

export const EMPLOYER_COUNT_INDICATORS = [
  'employees.total',
  'employees.enrolled',
  'supplyChain.vendors',
  'supplyChain.vendorsEnrolled',
  'csr.vulnerableWorkersCovered',
] as const;

export const REGULATION_LEVELS = ['none', 'decree', 'perda'] as const;
export const BPJS_PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;

export const GOVERNMENT_INDICATORS = [...GOVERNMENT_COUNT_INDICATORS, 'regulation.level'] as const;
export const EMPLOYER_INDICATORS = [...EMPLOYER_COUNT_INDICATORS, 'programs', 'pds.workers', 'pds.wages', 'pds.programs'] as const;

export const ALL_INDICATORS: ReadonlySet<string> = new Set<string>([...GOVERNMENT_INDICATORS, ...EMPLOYER_INDICATORS]);

/** Pairs where the first (a part) may never exceed the second (its whole). */
export const PART_OF_WHOLE: ReadonlyArray<readonly [string, string]> = [
  ['participants.wageEarners', 'workforce.wageEarners'],
  ['participants.nonWageEarners', 'workforce.nonWageEarners'],
  ['nonAsn.covered', 'nonAsn.workers'],
  ['villages.meeting100Target', 'villages.total'],
  ['employees.enrolled', 'employees.total'],
  ['supplyChain.vendorsEnrolled', 'supplyChain.vendors'],
];

export type Indicators = Record<string, unknown>;

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

/** A closed object of optional groups, from dotted paths to the schema of each leaf. */
function nested(leaves: Record<string, TSchema>): TSchema {
  const children = new Map<string, Record<string, TSchema>>();
  const own: Record<string, TSchema> = {};
  for (const [path, schema] of Object.entries(leaves)) {
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) own[head] = Type.Optional(schema);
    else children.set(head, { ...children.get(head), [rest.join('.')]: schema });
  }
  for (const [head, group] of children) own[head] = Type.Optional(nested(group));
  return Type.Object(own, { additionalProperties: false });
}

/** Known indicators only, each of its type; that a part never exceeds its whole is checked by the intake. */
export const GovernmentIndicatorsSchema = nested({
  ...Object.fromEntries(GOVERNMENT_COUNT_INDICATORS.map((path) => [path, Count()])),
  'regulation.level': StringEnum(REGULATION_LEVELS),
});

export const EmployerIndicatorsSchema = nested({
  ...Object.fromEntries(EMPLOYER_COUNT_INDICATORS.map((path) => [path, Count()])),
  programs: Type.Array(StringEnum(BPJS_PROGRAMS), { uniqueItems: true }),
  'pds.workers': Type.Boolean(),
  'pds.wages': Type.Boolean(),
  'pds.programs': Type.Boolean(),
});

/** Indicators by group; which ones, by the nominee's kind, is said by the event that carries them. */
export const IndicatorsSchema = Type.Unsafe<Indicators>({ type: 'object' });

/** Reads a dotted path (`participants.wageEarners`) from a nested indicator object. */
export function readIndicator(indicators: Indicators, path: string): unknown {
  let node: unknown = indicators;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
