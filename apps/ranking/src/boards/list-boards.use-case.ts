import { Injectable } from '@nestjs/common';
import { NATIONAL_ROLES, type Principal } from '@paritrana/contracts';
import { Transactions } from '@paritrana/platform';
import { BoardStore, type BoardFilters, type BoardSummary } from './board-store';

export interface ListBoardsQuery extends BoardFilters {
  by: Principal;
}

/** The boards a principal may read: their provinces' provincial boards and every national board. */
@Injectable()
export class ListBoardsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardStore,
  ) {}

  async execute({ by, ...filters }: ListBoardsQuery): Promise<{ boards: BoardSummary[] }> {
    const provinces = NATIONAL_ROLES.has(by.role) ? undefined : (by.provinces ?? []);
    const boards = await this.transactions.read((tx) => this.boards.list(tx, filters, provinces));
    return { boards };
  }
}
