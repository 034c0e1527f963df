import { Injectable } from '@nestjs/common';
import { canReadBoard, type Principal } from '@paritrana/contracts';
import { boardOutOfScope, DomainError, Transactions } from '@paritrana/platform';
import { BoardViews, type BoardView } from './board-views';

export interface GetBoardQuery {
  boardId: string;
  by: Principal;
}

/** A board as it stands now, for a principal who may read it. */
@Injectable()
export class GetBoardUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly views: BoardViews,
  ) {}

  async execute({ boardId, by }: GetBoardQuery): Promise<BoardView> {
    // One snapshot: an open board's version and standings as of the same commits.
    const board = await this.transactions.snapshot((tx) => this.views.view(tx, boardId));
    if (!board) throw DomainError.notFound('BOARD_NOT_FOUND', `No board ${boardId}`);
    if (!canReadBoard(by, board)) throw boardOutOfScope(boardId);
    return board;
  }
}
