import type { EditionDefinition, Principal, Tier } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { regencyCategory, regencyRubric } from '@paritrana/testing/editions';
import { InMemoryAuditLog, InMemoryTransactions, type Tx } from '@paritrana/platform';
import { InMemoryAssessmentStore } from '../assessments/in-memory-assessment-store';
import { InMemoryEditionStore } from '../editions/in-memory-edition-store';
import { InMemoryScoreStore } from '../scores/in-memory-score-store';
import { RescoreUseCase } from '../scores/rescore.use-case';
import type { NominationVersion } from '../scores/score-store';

/** What scoring's use cases depend on, in memory, for unit tests. */
export function scoringTestKit() {
  const editions = new InMemoryEditionStore();
  const scores = new InMemoryScoreStore();
  const assessments = new InMemoryAssessmentStore();
  const events = new InMemoryEventPublisher();
  const audit = new InMemoryAuditLog();
  const transactions = new InMemoryTransactions();
  const rescore = new RescoreUseCase(scores, assessments, editions, events);
  return { editions, scores, assessments, events, audit, transactions, rescore, tx: {} as Tx };
}

/** An edition with one regency category in the provincial tier: coverage (60) and regulation (40), and an interview panel (40) unless `panel` is false. */
export function regencyEdition(
  code: string,
  options: { minAssessors?: number; zscore?: boolean; panel?: boolean } = {},
): EditionDefinition {
  const { minAssessors = 1, zscore = false, panel = true } = options;
  return {
    code,
    name: `Paritrana Award ${code}`,
    assessmentYear: 2023,
    awardYear: 2024,
    schedule: { provincial: { submissionsOpen: '2024-01-01T00:00:00.000Z', submissionsClose: '2024-12-31T00:00:00.000Z' } },
    zones: [{ code: 'sumatera', name: 'Zona Sumatera', provinces: ['15', '16'] }],
    ...(zscore ? { panelNormalization: 'zscore' as const } : {}),
    categories: [regencyCategory(regencyRubric({ minAssessors, panel }))],
  };
}

/** A regency nomination of province 15 whose coverage is participants / 1000 and whose regulation is a perda. */
export function regencyNomination(
  nominationId: string,
  edition: string,
  participants = 800,
  version = 1,
  tier: Tier = 'provincial',
): NominationVersion {
  return {
    nominationId,
    edition,
    tier,
    province: '15',
    category: 'regency',
    nominee: { kind: 'regency', name: `Kabupaten ${nominationId.slice(0, 4)}`, regionCode: '1501' },
    indicators: { workforce: { wageEarners: 1000 }, participants: { wageEarners: participants }, regulation: { level: 'perda' } },
    version,
  };
}

export const principals = {
  assessorJambi: { sub: 'assessor-jambi', name: 'Penilai Jambi', role: 'assessor', provinces: ['15'] },
  assessorJambi2: { sub: 'assessor-jambi-2', name: 'Penilai Jambi Dua', role: 'assessor', provinces: ['15'] },
  assessorAceh: { sub: 'assessor-aceh', name: 'Penilai Aceh', role: 'assessor', provinces: ['11'] },
  nationalJury: { sub: 'jury', name: 'Juri Nasional', role: 'assessor' },
  secretariat: { sub: 'secretariat', name: 'Sekretariat', role: 'secretariat' },
  chairJambi: { sub: 'chair-jambi', name: 'Ketua Jambi', role: 'panel-chair', provinces: ['15'] },
  chairJambiAndAceh: { sub: 'chair-two', name: 'Ketua Dua', role: 'panel-chair', provinces: ['15', '11'] },
} satisfies Record<string, Principal>;

export const ids = {
  a: '00000000-0000-4000-8000-00000000000a',
  b: '00000000-0000-4000-8000-00000000000b',
  c: '00000000-0000-4000-8000-00000000000c',
  d: '00000000-0000-4000-8000-00000000000d',
};
