import type { BoardKey, RankingPublished, Standing } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';

export const BOARD_STATUSES = ['open', 'published'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export interface Board extends BoardKey {
  boardId: string;
  status: BoardStatus;
  /** The frozen snapshot, once published. */
  published: RankingPublished | null;
}

export interface BoardSummary extends BoardKey {
  boardId: string;
  status: BoardStatus;
  publishedAt: string | null;
}

/** A published board's winners (its standings with a title), as frozen. */
export interface PublishedWinners extends BoardKey {
  boardId: string;
  publishedAt: string;
  winners: Standing[];
}

export interface BoardFilters {
  edition?: string;
  tier?: string;
  scope?: string;
  category?: string;
}

/** How often a board may be announced: at least `minIntervalMs`, or `msPerStanding` per standing last announced. */
export interface AnnouncementPacing {
  minIntervalMs: number;
  msPerStanding: number;
}

/** A changed board claimed for announcement, with the count of changes seen when it was claimed. */
export interface ClaimedBoard {
  boardId: string;
  changes: string;
}

/** Ranking's boards (ranking.boards): their status, frozen snapshot and announcement bookkeeping. */
export abstract class BoardStore {
  /** Creates the boards not held yet. */
  abstract ensure(tx: Tx, boards: Array<BoardKey & { boardId: string }>): Promise<void>;
  /** Marks open boards changed, for the announcer to coalesce into one update each. */
  abstract markChanged(tx: Tx, boardIds: string[]): Promise<void>;
  /** The board; with `lock`, held against concurrent writers until the transaction ends. */
  abstract find(tx: Tx, boardId: string, options?: { lock?: boolean }): Promise<Board | undefined>;
  /** Boards matching the filters, provincial ones limited to `provinces` when given; at most 1,000. */
  abstract list(tx: Tx, filters: BoardFilters, provinces: string[] | undefined): Promise<BoardSummary[]>;
  abstract idsOfEdition(tx: Tx, edition: string): Promise<string[]>;
  /** The editions with at least one published board. */
  abstract editionsPublished(tx: Tx): Promise<string[]>;
  /** The winners of every published board of the edition, in board order. */
  abstract publishedWinners(tx: Tx, edition: string): Promise<PublishedWinners[]>;
  /** Freezes the board with its snapshot; it is never announced as changed again. */
  abstract publish(tx: Tx, published: RankingPublished): Promise<void>;
  /** Changed boards not announced within their interval, longest waiting first, with their last announced size. */
  abstract dueForAnnouncement(tx: Tx, pacing: AnnouncementPacing): Promise<Array<{ boardId: string; announcedSize: number }>>;
  /**
   * Claims those of the boards still changed and not being announced by another replica, in board order,
   * until the transaction ends.
   */
  abstract claimChanged(tx: Tx, boardIds: string[]): Promise<ClaimedBoard[]>;
  /** Records the announcement; a board's change mark is cleared only if no change arrived since it was claimed. */
  abstract markAnnounced(tx: Tx, announced: Array<ClaimedBoard & { size: number }>): Promise<void>;
}
