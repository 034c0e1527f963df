import type { Nominee, ScoreStatus } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import type { Entry } from '../boards/standings';

export interface SubmittedEntry {
  nominationId: string;
  boardId: string;
  nominee: Nominee;
  submittedAt: string;
}

export interface WithdrawnEntry {
  nominationId: string;
  boardId: string;
  withdrawnAt: string;
}

export interface ScoredEntry {
  nominationId: string;
  boardId: string;
  total: number;
  status: ScoreStatus;
  subScores: Record<string, number>;
  reasons: string[];
  calculatedAt: string;
}

/** How far a board's standing nominations are scored: `provisional` counts those not scored yet too. */
export interface EntryCount {
  boardId: string;
  provisional: number;
  final: number;
  ineligible: number;
}

/**
 * Ranking's projection of nominations and their scores (ranking.entries), one entry per nomination,
 * filled in by whichever of its events arrives first.
 */
export abstract class EntryStore {
  /** Sets each nomination's nominee and submission time (at most one item per nomination). */
  abstract saveSubmitted(tx: Tx, entries: SubmittedEntry[]): Promise<void>;
  abstract saveWithdrawn(tx: Tx, entry: WithdrawnEntry): Promise<void>;
  /** Sets each nomination's score (at most one item per nomination), unless a newer one is held. */
  abstract saveScores(tx: Tx, scores: ScoredEntry[]): Promise<void>;
  /**
   * The entries standing on a board: submitted and not withdrawn. One not scored yet stands as
   * provisional with 0, so a board cannot be published without it.
   */
  abstract standingOn(tx: Tx, boardId: string): Promise<Entry[]>;
  /** The same, among the given nominations only. */
  abstract standingAmong(tx: Tx, boardId: string, nominationIds: string[]): Promise<Entry[]>;
  /** The standing entries of each of the boards counted by score status; boards without any are left out. */
  abstract countByBoard(tx: Tx, boardIds: string[]): Promise<EntryCount[]>;
}
