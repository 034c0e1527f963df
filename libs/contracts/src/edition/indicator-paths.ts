/**
 * The indicator paths and their rules as plain data, with no schema library: the console imports
 * this file alone, so its bundle carries the lists and not the validators.
 */
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

/** Reads a dotted path (`participants.wageEarners`) from a nested indicator object. */
export function readIndicator(indicators: Record<string, unknown>, path: string): unknown {
  let node: unknown = indicators;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
