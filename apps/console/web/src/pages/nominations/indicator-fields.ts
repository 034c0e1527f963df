import {
  BPJS_PROGRAMS,
  EMPLOYER_COUNT_INDICATORS,
  GOVERNMENT_COUNT_INDICATORS,
  PART_OF_WHOLE,
  readIndicator,
  REGULATION_LEVELS,
} from '@paritrana/contracts/edition/indicator-paths';

export type NomineeKind = 'regency' | 'village' | 'employer';

/** One input of the indicators step, by its path in the nomination body (`indicators.<path>`). */
export type IndicatorField =
  | { path: string; type: 'count'; unit: 'people' | 'villages' | 'rupiah' | 'companies'; wholePath?: string }
  | { path: string; type: 'choice'; options: readonly string[] }
  | { path: string; type: 'programs'; options: readonly string[] }
  | { path: string; type: 'flag' };

const unitOf = (path: string): 'people' | 'villages' | 'rupiah' | 'companies' =>
  path.startsWith('villages.')
    ? 'villages'
    : path.startsWith('budget.')
      ? 'rupiah'
      : path.startsWith('supplyChain.')
        ? 'companies'
        : 'people';

const wholeOf = (path: string) => PART_OF_WHOLE.find(([part]) => part === path)?.[1];

/** The indicators a nominee of this kind reports, in the platform's own lists and part-of-whole rules (shared with intake). */
export function indicatorFields(kind: NomineeKind): IndicatorField[] {
  if (kind === 'employer')
    return [
      ...EMPLOYER_COUNT_INDICATORS.map((path) => ({ path, type: 'count' as const, unit: unitOf(path), wholePath: wholeOf(path) })),
      { path: 'programs', type: 'programs', options: BPJS_PROGRAMS },
      { path: 'pds.workers', type: 'flag' },
      { path: 'pds.wages', type: 'flag' },
      { path: 'pds.programs', type: 'flag' },
    ];
  return [
    ...GOVERNMENT_COUNT_INDICATORS.map((path) => ({ path, type: 'count' as const, unit: unitOf(path), wholePath: wholeOf(path) })),
    { path: 'regulation.level', type: 'choice', options: REGULATION_LEVELS },
  ];
}

/** The parts that exceed their whole in `indicators`, as [part, whole] paths. */
export function partsAboveWhole(indicators: Record<string, unknown>): [string, string][] {
  return PART_OF_WHOLE.filter(([part, whole]) => {
    const p = readIndicator(indicators, part);
    const w = readIndicator(indicators, whole);
    return typeof p === 'number' && typeof w === 'number' && p > w;
  }).map(([part, whole]) => [part, whole]);
}
