import { Injectable } from '@nestjs/common';
import { NATIONAL_ROLES, type Principal } from '@paritrana/contracts';
import { Transactions } from '@paritrana/platform';
import { EntryStore, type EntryCount } from '../entries/entry-store';
import { BoardStore, type BoardFilters, type BoardSummary } from './board-store';

export interface ListBoardsQuery extends BoardFilters {
  by: Principal;
}

/** How many nominations stand on a board now, by their score's status (not scored yet counts as provisional). */
export type BoardCounts = Omit<EntryCount, 'boardId'>;

/** A board of the list with its progress: how many of the nominations standing on it are final, provisional or ineligible. */
export interface BoardListItem extends BoardSummary {
  counts: BoardCounts;
}

const NONE: BoardCounts = { final: 0, provisional: 0, ineligible: 0 };

/** The boards a principal may read: their provinces' provincial boards and every national board. */
@Injectable()
export class ListBoardsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardStore,
    private readonly entries: EntryStore,
  ) {}

  async execute({ by, ...filters }: ListBoardsQuery): Promise<{ boards: BoardListItem[] }> {
    const provinces = NATIONAL_ROLES.has(by.role) ? undefined : (by.provinces ?? []);
    return this.transactions.read(async (tx) => {
      const boards = await this.boards.list(tx, filters, provinces);
      const counts = new Map(
        (
          await this.entries.countByBoard(
            tx,
            boards.map((b) => b.boardId),
          )
        ).map(({ boardId, ...count }) => [boardId, count]),
      );
      return { boards: boards.map((b) => ({ ...b, counts: counts.get(b.boardId) ?? NONE })) };
    });
  }
}
