import { Injectable } from '@nestjs/common';
import type { NominationWithdrawn } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EntryStore } from '../entries/entry-store';
import { BoardPlacement } from './board-placement';
import { BoardStore } from './board-store';
import type { BoardsChanged } from './record-submissions.use-case';

export interface RecordWithdrawalCommand {
  withdrawal: NominationWithdrawn;
}

/** A withdrawn nomination leaves its board; a later score for it changes nothing. */
@Injectable()
export class RecordWithdrawalUseCase {
  constructor(
    private readonly placement: BoardPlacement,
    private readonly entries: EntryStore,
    private readonly boards: BoardStore,
  ) {}

  async execute({ withdrawal }: RecordWithdrawalCommand, tx: Tx): Promise<BoardsChanged> {
    const [boardId] = await this.placement.place(tx, [withdrawal]);
    await this.entries.saveWithdrawn(tx, { nominationId: withdrawal.nominationId, boardId, withdrawnAt: withdrawal.withdrawnAt });
    await this.boards.markChanged(tx, [{ boardId, nominationId: withdrawal.nominationId }]);
    return { boardIds: [boardId] };
  }
}
