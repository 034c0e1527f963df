import type { EditionDefinition } from '@paritrana/contracts';

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
