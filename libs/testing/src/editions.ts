import type { EditionDefinition, Rubric } from '@paritrana/contracts';

const DAY_MS = 24 * 3600 * 1000;

/** An edition of the given categories whose provincial submission window opened yesterday and stays open 30 days. */
export function openProvincialEdition(code: string, categories: EditionDefinition['categories']): EditionDefinition {
  return {
    code,
    name: `Paritrana Award ${code}`,
    assessmentYear: 2023,
    awardYear: 2024,
    schedule: {
      provincial: {
        submissionsOpen: new Date(Date.now() - DAY_MS).toISOString(),
        submissionsClose: new Date(Date.now() + 30 * DAY_MS).toISOString(),
      },
    },
    zones: [],
    categories,
  };
}

/** An edition whose provincial window is open now, with a data-sourced regency rubric. */
/** The regency rubric of the tests: coverage (60) and regulation (40), and an interview panel (40) when `panel`. */
export function regencyRubric(options: { minAssessors?: number; panel?: boolean } = {}): Rubric {
  return {
    version: 1,
    minAssessors: options.minAssessors ?? 1,
    eligibility: [],
    criteria: [
      {
        code: 'coverage_pu',
        name: 'Coverage PU',
        weight: 60,
        value: { ratio: ['participants.wageEarners', 'workforce.wageEarners'] },
        scale: { linear: { min: 0, max: 1 } },
      },
      {
        code: 'regulation',
        name: 'Regulasi',
        weight: 40,
        value: { indicator: 'regulation.level' },
        scale: { map: { none: 0, decree: 60, perda: 100 } },
      },
      ...(options.panel
        ? [{ code: 'interview', name: 'Wawancara', weight: 40, value: { panel: 'interview' }, scale: { linear: { min: 0, max: 100 } } }]
        : []),
    ],
    tieBreak: ['coverage_pu', 'regulation'],
  };
}

/** The regency category of the tests, provincial tier only, winners 3, advance 1. */
export function regencyCategory(rubric = regencyRubric()): EditionDefinition['categories'][number] {
  return {
    code: 'regency',
    name: 'Pemerintah Kabupaten/Kota',
    nomineeKind: 'regency',
    tiers: ['provincial'],
    winners: 3,
    advance: 1,
    nationalScope: 'national',
    rubrics: { provincial: rubric },
  };
}

export function openRegencyEdition(code: string): EditionDefinition {
  return openProvincialEdition(code, [regencyCategory()]);
}

export const regencyNomination = (
  edition: string,
  regionCode: string,
  email: string,
  participants: number,
  workforce: number,
  level: string,
) => ({
  edition,
  tier: 'provincial',
  province: regionCode.slice(0, 2),
  category: 'regency',
  nominee: { kind: 'regency', regionCode },
  contact: { name: `Sekretariat Daerah ${regionCode}`, email },
  indicators: { workforce: { wageEarners: workforce }, participants: { wageEarners: participants }, regulation: { level } },
});

/** The regency edition with an interview panel criterion needing `minAssessors` assessors. */
export function panelRegencyEdition(code: string, minAssessors: number, panelNormalization?: 'zscore'): EditionDefinition {
  const edition = openProvincialEdition(code, [regencyCategory(regencyRubric({ minAssessors, panel: true }))]);
  return { ...edition, ...(panelNormalization ? { panelNormalization } : {}) };
}

/** A regency category in both tiers, the national round by zone or nationally, winners 3, advance `advance`. */
export function twoTierEdition(code: string, nationalScope: 'zone' | 'national', advance = 1): EditionDefinition {
  const edition = openRegencyEdition(code);
  const category = edition.categories[0];
  const provincial = category.rubrics.provincial!;
  return {
    ...edition,
    schedule: { ...edition.schedule, national: edition.schedule.provincial },
    zones: [{ code: 'sumatera', name: 'Zona Sumatera', provinces: ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'] }],
    categories: [
      {
        ...category,
        tiers: ['provincial', 'national'],
        advance,
        nationalScope,
        rubrics: { provincial, national: { ...provincial, version: 7, criteria: [provincial.criteria[0]], tieBreak: ['coverage_pu'] } },
      },
    ],
  };
}
