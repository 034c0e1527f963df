import { Injectable } from '@nestjs/common';
import { statsEdition, Transactions } from '@paritrana/platform';
import { EntryStore, type EntryCount } from '../entries/entry-store';
import { BoardStore, type BoardSummary } from './board-store';

export type BoardProgress = BoardSummary & Omit<EntryCount, 'boardId'>;

export interface BoardProgressList {
  edition: string;
  boards: BoardProgress[];
}

/** Every board of an edition with how far its standing nominations are scored, for the secretariat's national view. */
@Injectable()
export class BoardProgressUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardStore,
    private readonly entries: EntryStore,
  ) {}

  async execute(query: { edition?: unknown }): Promise<BoardProgressList> {
    const edition = statsEdition(query.edition);
    return this.transactions.read(async (tx) => {
      const boards = await this.boards.list(tx, { edition }, undefined);
      const counts = new Map(
        (
          await this.entries.countByBoard(
            tx,
            boards.map((b) => b.boardId),
          )
        ).map(({ boardId, ...count }) => [boardId, count]),
      );
      return {
        edition,
        boards: boards.map((board) => ({ ...board, ...(counts.get(board.boardId) ?? { provisional: 0, final: 0, ineligible: 0 }) })),
      };
    });
  }
}
