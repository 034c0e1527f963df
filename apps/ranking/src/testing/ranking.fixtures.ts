import type { EditionDefinition, NominationSubmitted, NominationWithdrawn, Principal, ScoreCalculated } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { InMemoryAuditLog, InMemoryTransactions, type Tx } from '@paritrana/platform';
import { BoardPlacement } from '../boards/board-placement';
import { BoardViews } from '../boards/board-views';
import { InMemoryBoardStore } from '../boards/in-memory-board-store';
import type { Entry } from '../boards/standings';
import { InMemoryEditionStore } from '../editions/in-memory-edition-store';
import { InMemoryEntryStore } from '../entries/in-memory-entry-store';

/** The transaction in-memory stores are handed (and ignore). */
export const tx = Object.freeze({}) as Tx;

export const nominationId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A small deterministic generator, so a failure names the seed that made it. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** A board entry of nomination n: a provisional village entry with no score yet. */
export const boardEntry = (n: number, overrides: Partial<Entry> = {}): Entry => ({
  nominationId: nominationId(n),
  nominee: { kind: 'village', name: `Desa ${n}`, regionCode: '15.01.01' },
  submittedAt: '2025-03-01T08:00:00.000Z',
  total: 0,
  status: 'provisional',
  subScores: {},
  reasons: [],
  ...overrides,
});

export const PROVINCIAL_BOARD = '2024:provincial:15:regency';

/** Edition 2024: a regency category ranked by province, then nationally by zone (Sumatera: 15, 16). */
export function edition(code = '2024'): EditionDefinition {
  const rubric = {
    version: 1,
    minAssessors: 1,
    eligibility: [],
    criteria: [
      { code: 'coverage_pu', name: 'Coverage PU', weight: 60, value: { indicator: 'coverage' }, scale: { linear: { min: 0, max: 1 } } },
      { code: 'regulation', name: 'Regulasi', weight: 40, value: { indicator: 'regulation' }, scale: { linear: { min: 0, max: 1 } } },
    ],
    tieBreak: ['coverage_pu', 'regulation'],
  };
  return {
    code,
    name: `Paritrana Award ${code}`,
    assessmentYear: 2023,
    awardYear: 2024,
    schedule: { provincial: { submissionsOpen: '2025-01-01T00:00:00.000Z', submissionsClose: '2025-04-01T00:00:00.000Z' } },
    zones: [{ code: 'sumatera', name: 'Sumatera', provinces: ['15', '16'] }],
    categories: [
      {
        code: 'regency',
        name: 'Pemerintah Kabupaten/Kota',
        nomineeKind: 'regency',
        tiers: ['provincial', 'national'],
        winners: 3,
        advance: 1,
        nationalScope: 'zone',
        rubrics: { provincial: rubric, national: rubric },
      },
    ],
  };
}

/** A provincial regency nomination of province 15, submitted on 1 March 2025 (n minutes past 08:00). */
export const submission = (n: number, overrides: Partial<NominationSubmitted> = {}): NominationSubmitted => ({
  nominationId: nominationId(n),
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  nominee: { kind: 'regency', name: `Kabupaten ${n}`, regionCode: `15.${String(n).padStart(2, '0')}` },
  contact: { name: 'Contact', email: 'contact@example.org' },
  indicators: {},
  submittedAt: `2025-03-01T08:${String(n).padStart(2, '0')}:00.000Z`,
  submittedBy: 'regional-office-15',
  ...overrides,
});

/** A final score of nomination n on its provincial board. */
export const score = (n: number, overrides: Partial<ScoreCalculated> = {}): ScoreCalculated => ({
  nominationId: nominationId(n),
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  status: 'final',
  total: 70,
  rubricVersion: 1,
  criteria: [
    { code: 'coverage_pu', weight: 60, value: 0.5, subScore: 50, contribution: 30 },
    { code: 'regulation', weight: 40, value: 1, subScore: 100, contribution: 40 },
  ],
  reasons: [],
  calculatedAt: '2025-03-02T10:00:00.000Z',
  ...overrides,
});

export const withdrawal = (n: number, overrides: Partial<NominationWithdrawn> = {}): NominationWithdrawn => ({
  nominationId: nominationId(n),
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  withdrawnAt: '2025-03-03T09:00:00.000Z',
  withdrawnBy: 'regional-office-15',
  ...overrides,
});

export const principal = (role: Principal['role'], provinces?: string[]): Principal => ({
  sub: `${role}-${provinces?.join('-') ?? 'all'}`,
  name: role,
  role,
  ...(provinces ? { provinces } : {}),
});

/** Ranking's stores and ports, all in memory, with edition 2024 already defined. */
export function inMemoryRanking() {
  const boards = new InMemoryBoardStore();
  const editions = new InMemoryEditionStore();
  const entries = new InMemoryEntryStore();
  editions.editions.set('2024', edition());
  return {
    boards,
    editions,
    entries,
    views: new BoardViews(boards, editions, entries),
    placement: new BoardPlacement(boards, editions),
    transactions: new InMemoryTransactions(),
    events: new InMemoryEventPublisher(),
    audit: new InMemoryAuditLog(),
  };
}
