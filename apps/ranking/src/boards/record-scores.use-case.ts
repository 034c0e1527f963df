import { Injectable } from '@nestjs/common';
import type { ScoreCalculated } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EntryStore } from '../entries/entry-store';
import { BoardPlacement } from './board-placement';
import { BoardStore } from './board-store';
import type { BoardsChanged } from './record-submissions.use-case';

export interface RecordScoresCommand {
  scores: ScoreCalculated[];
}

/** Moves nominations on their boards by their newest scores; an older score arriving after a newer one (a replay) changes nothing. */
@Injectable()
export class RecordScoresUseCase {
  constructor(
    private readonly placement: BoardPlacement,
    private readonly entries: EntryStore,
    private readonly boards: BoardStore,
  ) {}

  async execute(command: RecordScoresCommand, tx: Tx): Promise<BoardsChanged> {
    const scores = newestScores(command.scores);
    const boardIds = await this.placement.place(tx, scores);
    await this.entries.saveScores(
      tx,
      scores.map((s, i) => ({
        nominationId: s.nominationId,
        boardId: boardIds[i],
        total: s.total,
        status: s.status,
        subScores: Object.fromEntries(s.criteria.map((c) => [c.code, c.subScore])),
        reasons: s.reasons,
        calculatedAt: s.calculatedAt,
      })),
    );
    await this.boards.markChanged(
      tx,
      scores.map((s, i) => ({ boardId: boardIds[i], nominationId: s.nominationId })),
    );
    return { boardIds: [...new Set(boardIds)] };
  }
}

/** The newest score of each nomination (by calculation time; the later event of equals, as applying them in order would). */
function newestScores<T extends { nominationId: string; calculatedAt: string }>(scores: T[]): T[] {
  const newest = new Map<string, T>();
  for (const s of scores) {
    const held = newest.get(s.nominationId);
    if (!held || Date.parse(held.calculatedAt) <= Date.parse(s.calculatedAt)) newest.set(s.nominationId, s);
  }
  return [...newest.values()];
}
