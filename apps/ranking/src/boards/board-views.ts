import { Injectable } from '@nestjs/common';
import { parseBoardId, type BoardKey, type IneligibleEntry, type Standing } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from '../editions/edition-store';
import { EntryStore } from '../entries/entry-store';
import { rubricOf } from './announced-board';
import { BoardStore, type BoardStatus } from './board-store';
import { rankEntries } from './standings';

export interface BoardView extends BoardKey {
  boardId: string;
  status: BoardStatus;
  standings: Standing[];
  ineligible: IneligibleEntry[];
  publishedAt?: string;
  publishedBy?: string;
  /** Open boards: the last `ranking.changed`, and whether the standings are already ahead of it. */
  version?: number;
  pending?: boolean;
}

/** Boards as they stand now: the frozen snapshot once published, else ranked from their entries. */
@Injectable()
export class BoardViews {
  constructor(
    private readonly boards: BoardStore,
    private readonly editions: EditionStore,
    private readonly entries: EntryStore,
  ) {}

  async view(tx: Tx, boardId: string, options: { lock?: boolean } = {}): Promise<BoardView | undefined> {
    const key = parseBoardId(boardId);
    const board = key && (await this.boards.find(tx, boardId, options));
    if (!key || !board) return undefined;
    if (board.status === 'published' && board.published) {
      const { standings, ineligible, publishedAt, publishedBy } = board.published;
      return { boardId, ...key, status: 'published', standings, ineligible, publishedAt, publishedBy };
    }
    const { tieBreak, winners } = rubricOf(await this.editions.get(tx, key.edition), key);
    const ranked = rankEntries(await this.entries.standingOn(tx, boardId), tieBreak, winners);
    return { boardId, ...key, status: 'open', ...ranked, version: board.version, pending: board.pending };
  }
}
