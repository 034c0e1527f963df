import { Injectable } from '@nestjs/common';
import type { NominationSubmitted } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EntryStore } from '../entries/entry-store';
import { BoardPlacement } from './board-placement';
import { BoardStore } from './board-store';

export interface RecordSubmissionsCommand {
  submissions: NominationSubmitted[];
}

export interface BoardsChanged {
  boardIds: string[];
}

/** Puts submitted nominations on their boards (a redelivered or repeated submission replaces the nominee). */
@Injectable()
export class RecordSubmissionsUseCase {
  constructor(
    private readonly placement: BoardPlacement,
    private readonly entries: EntryStore,
    private readonly boards: BoardStore,
  ) {}

  async execute(command: RecordSubmissionsCommand, tx: Tx): Promise<BoardsChanged> {
    const submitted = lastOfEach(command.submissions);
    const boardIds = await this.placement.place(tx, submitted);
    await this.entries.saveSubmitted(
      tx,
      submitted.map((n, i) => ({ nominationId: n.nominationId, boardId: boardIds[i], nominee: n.nominee, submittedAt: n.submittedAt })),
    );
    await this.boards.markChanged(
      tx,
      submitted.map((n, i) => ({ boardId: boardIds[i], nominationId: n.nominationId })),
    );
    return { boardIds: [...new Set(boardIds)] };
  }
}

/** One item per nomination, as a multi-row upsert needs: the last submission of each. */
function lastOfEach<T extends { nominationId: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.nominationId, item])).values()];
}
