import type { Nominee, ScoreStatus } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import type { Entry } from '../boards/standings';
import { EntryStore, type EntryCount, type ScoredEntry, type SubmittedEntry, type WithdrawnEntry } from './entry-store';

interface Row {
  nominationId: string;
  boardId: string;
  nominee?: Nominee;
  submittedAt?: string;
  withdrawnAt?: string;
  total?: number;
  status?: ScoreStatus;
  subScores?: Record<string, number>;
  reasons?: string[];
  calculatedAt?: string;
}

/** The entry store for unit tests, with the PostgreSQL store's upsert rules. */
export class InMemoryEntryStore extends EntryStore {
  readonly rows = new Map<string, Row>();

  override async saveSubmitted(_tx: Tx, entries: SubmittedEntry[]): Promise<void> {
    for (const { nominationId, boardId, nominee, submittedAt } of entries)
      this.upsert({ nominationId, boardId }, { nominee: structuredClone(nominee), submittedAt });
  }

  override async saveWithdrawn(_tx: Tx, { nominationId, boardId, withdrawnAt }: WithdrawnEntry): Promise<void> {
    this.upsert({ nominationId, boardId }, { withdrawnAt });
  }

  override async saveScores(_tx: Tx, scores: ScoredEntry[]): Promise<void> {
    for (const { nominationId, boardId, total, status, subScores, reasons, calculatedAt } of scores) {
      const held = this.rows.get(nominationId);
      if (held?.calculatedAt && Date.parse(held.calculatedAt) > Date.parse(calculatedAt)) continue;
      this.upsert({ nominationId, boardId }, { total, status, subScores: { ...subScores }, reasons: [...reasons], calculatedAt });
    }
  }

  override async standingOn(_tx: Tx, boardId: string): Promise<Entry[]> {
    return [...this.rows.values()]
      .filter((r) => r.boardId === boardId && r.nominee && r.submittedAt && !r.withdrawnAt)
      .map((r) => ({
        nominationId: r.nominationId,
        nominee: structuredClone(r.nominee!),
        submittedAt: new Date(r.submittedAt!).toISOString(),
        total: r.total ?? 0,
        status: r.status ?? 'provisional',
        subScores: { ...(r.subScores ?? {}) },
        reasons: [...(r.reasons ?? [])],
      }));
  }

  override async standingAmong(tx: Tx, boardId: string, nominationIds: string[]): Promise<Entry[]> {
    const among = new Set(nominationIds);
    return (await this.standingOn(tx, boardId)).filter((e) => among.has(e.nominationId));
  }

  override async countByBoard(tx: Tx, boardIds: string[]): Promise<EntryCount[]> {
    const counts: EntryCount[] = [];
    for (const boardId of boardIds) {
      const standing = await this.standingOn(tx, boardId);
      if (standing.length === 0) continue;
      const count = { boardId, provisional: 0, final: 0, ineligible: 0 };
      for (const entry of standing) count[entry.status]++;
      counts.push(count);
    }
    return counts;
  }

  /** Like INSERT … ON CONFLICT (nomination_id) DO UPDATE: the board is set by the first event only. */
  private upsert(key: { nominationId: string; boardId: string }, changes: Partial<Row>): void {
    const held = this.rows.get(key.nominationId) ?? key;
    this.rows.set(key.nominationId, { ...held, ...changes });
  }
}
