import type { EditionDefinition, Principal, Rubric } from '@paritrana/contracts';
import { regencyRubric } from '@paritrana/testing/editions';
import type { SubmitNominationDto } from '../nominations/nomination.dto';

const DAY_MS = 24 * 3600 * 1000;
export const NOW = new Date('2025-03-10T08:00:00.000Z');

const window = (open: boolean) => ({
  submissionsOpen: new Date(NOW.getTime() - (open ? 1 : 30) * DAY_MS).toISOString(),
  submissionsClose: new Date(NOW.getTime() + (open ? 30 : -1) * DAY_MS).toISOString(),
});

const rubric = (): Rubric => regencyRubric();

/** A regency category in both rounds; the provincial window open at NOW unless said otherwise, the national one open. */
export function regencyEdition(code = '2024', options: { provincialOpen?: boolean; advance?: number } = {}): EditionDefinition {
  return {
    code,
    name: `Paritrana Award ${code}`,
    assessmentYear: 2023,
    awardYear: 2024,
    schedule: { provincial: window(options.provincialOpen ?? true), national: window(true) },
    zones: [],
    categories: [
      {
        code: 'regency',
        name: 'Pemerintah Kabupaten/Kota',
        nomineeKind: 'regency',
        tiers: ['provincial', 'national'],
        winners: 3,
        advance: options.advance ?? 1,
        nationalScope: 'national',
        rubrics: { provincial: rubric(), national: rubric() },
      },
    ],
  };
}

/** A valid provincial nomination of a regency of Jambi (15) in edition 2024. */
export const regencyNomination = (regionCode = '15.08', overrides: Partial<SubmitNominationDto> = {}): SubmitNominationDto =>
  ({
    edition: '2024',
    tier: 'provincial',
    province: regionCode.slice(0, 2),
    category: 'regency',
    nominee: { kind: 'regency', regionCode },
    contact: { name: `Sekretariat Daerah ${regionCode}`, email: 'setda@example.go.id' },
    indicators: { workforce: { wageEarners: 61000 }, participants: { wageEarners: 40870 }, regulation: { level: 'perda' } },
    ...overrides,
  }) as SubmitNominationDto;

export const jambiOffice: Principal = { sub: 'office-15', name: 'Kantor Wilayah Jambi', role: 'regional-office', provinces: ['15'] };
export const secretariat: Principal = { sub: 'secretariat-1', name: 'Sekretariat', role: 'secretariat' };
