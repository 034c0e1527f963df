import type { BoardKey, RankingPublished, Standing } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';

export const BOARD_STATUSES = ['open', 'published'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export interface Board extends BoardKey {
  boardId: string;
  status: BoardStatus;
  /** The frozen snapshot, once published. */
  published: RankingPublished | null;
  /** Its last `ranking.changed`. */
  version: number;
  /** Changed since (changes noted, not taken by the announcer yet): its entries are ahead of `version`. */
  pending: boolean;
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

/** A board owing an announcement: changes not announced, or a whole board past its interval. */
export interface DueBoard {
  boardId: string;
  /** Changed since its last `ranking.changed`. */
  changed: boolean;
  /** Its size when last announced, and how long ago that was (null: never). */
  announcedSize: number;
  sinceAnnouncedMs: number | null;
  /** Its whole board past its interval: sent with its next announcement. */
  wholeDue: boolean;
}

/** A nomination whose entry changed on its board. */
export interface BoardChange {
  boardId: string;
  nominationId: string;
}

/** A board claimed for announcement, as it stood when claimed. */
export interface ClaimedBoard {
  boardId: string;
  /** Still open (not published meanwhile). */
  open: boolean;
  /** Its last `ranking.changed`, and the version its last whole-board `ranking.updated` showed. */
  version: number;
  wholeVersion: number;
  /** Its last whole board is older than the interval: one may be announced now. */
  wholeDue: boolean;
  /** The nominations noted changed on it, taken by the claim (a change noted meanwhile stays for the next one). */
  noted: string[];
}

/** What an announcement did to a claimed board. */
export interface Announced {
  boardId: string;
  size: number;
  version: number;
  wholeVersion: number;
}

/** Ranking's boards (ranking.boards): their status, frozen snapshot and announcement bookkeeping. */
export abstract class BoardStore {
  /** Creates the boards not held yet. */
  abstract ensure(tx: Tx, boards: Array<BoardKey & { boardId: string }>): Promise<void>;
  /**
   * Notes the nominations changed on open boards, for the announcer to coalesce into one update per board. Board rows
   * are not locked: transactions of every partition note changes on the same boards at once.
   */
  abstract markChanged(tx: Tx, changes: BoardChange[]): Promise<void>;
  /** Calls `onChange` once a transaction that noted changes has committed, in this replica or another. */
  abstract watchChanges(onChange: () => void): Promise<void>;
  /** The board; with `lock`, held against concurrent writers until the transaction ends. */
  abstract find(tx: Tx, boardId: string, options?: { lock?: boolean }): Promise<Board | undefined>;
  /** Boards matching the filters, provincial ones limited to `provinces` when given; at most 1,000. */
  abstract list(tx: Tx, filters: BoardFilters, provinces: string[] | undefined): Promise<BoardSummary[]>;
  abstract idsOfEdition(tx: Tx, edition: string): Promise<string[]>;
  /** The editions with at least one published board. */
  abstract editionsPublished(tx: Tx): Promise<string[]>;
  /** The winners of every published board of the edition, in board order. */
  abstract publishedWinners(tx: Tx, edition: string): Promise<PublishedWinners[]>;
  /** Freezes the board with its snapshot; it is never announced as changed again, and its noted changes are dropped. */
  abstract publish(tx: Tx, published: RankingPublished): Promise<void>;
  /**
   * Boards with changes noted and not taken, or open ones owing a whole board older than `wholeBoardIntervalMs`; longest
   * waiting first. A board published while a consumer noted a change keeps that note: it is due, for the announcer to
   * take and drop.
   */
  abstract dueForAnnouncement(tx: Tx, wholeBoardIntervalMs: number): Promise<DueBoard[]>;
  /**
   * Claims those of the boards still owing an announcement and not being announced by another replica, in board
   * order, until the transaction ends, and takes their noted changes.
   */
  abstract claim(tx: Tx, boardIds: string[], wholeBoardIntervalMs: number): Promise<ClaimedBoard[]>;
  /** Records the announcements: each board's version, size and time. */
  abstract markAnnounced(tx: Tx, announced: Announced[]): Promise<void>;
  /** What each nomination of the board (or each of `among` announced on it) was last announced as (`fingerprintOf`). */
  abstract announcedEntries(tx: Tx, boardId: string, among?: string[]): Promise<Map<string, string>>;
  /** Keeps the fingerprints of the nominations just announced and forgets those gone from the board. */
  abstract recordAnnounced(tx: Tx, boardId: string, keep: Array<[string, string]>, forget: string[]): Promise<void>;
}
