import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';
import { BoardStore } from './board-store';

/** Keeps ranking's projection current from editions, nominations and scores, marking boards whose standings changed. */
@Injectable()
export class BoardsConsumer {
  constructor(private readonly store: BoardStore) {}

  @OnEvent(EventTypes.EditionDefined)
  async onEditionDefined(event: CloudEvent<typeof EventTypes.EditionDefined>, manager: EntityManager): Promise<void> {
    await manager.query(
      'INSERT INTO ranking.editions (code, definition) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition',
      [event.data.definition.code, event.data.definition],
    );
  }

  @OnEvent(EventTypes.NominationSubmitted)
  async onNominationSubmitted(event: CloudEvent<typeof EventTypes.NominationSubmitted>, manager: EntityManager): Promise<void> {
    const n = event.data;
    const boardId = await this.store.boardFor(manager, n);
    await manager.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, nominee, submitted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, submitted_at = EXCLUDED.submitted_at`,
      [n.nominationId, boardId, n.nominee, n.submittedAt],
    );
    await this.announce(manager, boardId);
  }

  /** A withdrawn nomination leaves its board; a later score for it changes nothing. */
  @OnEvent(EventTypes.NominationWithdrawn)
  async onNominationWithdrawn(event: CloudEvent<typeof EventTypes.NominationWithdrawn>, manager: EntityManager): Promise<void> {
    const n = event.data;
    const boardId = await this.store.boardFor(manager, n);
    await manager.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, withdrawn_at) VALUES ($1, $2, $3)
       ON CONFLICT (nomination_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
      [n.nominationId, boardId, n.withdrawnAt],
    );
    await this.announce(manager, boardId);
  }

  /** An older score arriving after a newer one (a replay) changes nothing. */
  @OnEvent(EventTypes.ScoreCalculated)
  async onScoreCalculated(event: CloudEvent<typeof EventTypes.ScoreCalculated>, manager: EntityManager): Promise<void> {
    const s = event.data;
    const boardId = await this.store.boardFor(manager, s);
    const subScores = Object.fromEntries(s.criteria.map((c) => [c.code, c.subScore]));
    await manager.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, total, status, sub_scores, reasons, calculated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (nomination_id) DO UPDATE SET total = EXCLUDED.total, status = EXCLUDED.status, sub_scores = EXCLUDED.sub_scores,
         reasons = EXCLUDED.reasons, calculated_at = EXCLUDED.calculated_at
       WHERE ranking.entries.calculated_at IS NULL OR ranking.entries.calculated_at <= EXCLUDED.calculated_at`,
      [s.nominationId, boardId, s.total, s.status, subScores, JSON.stringify(s.reasons), s.calculatedAt],
    );
    await this.announce(manager, boardId);
  }

  /** Marks the board changed; the announcer coalesces a burst of changes into one ranking.updated. */
  private async announce(manager: EntityManager, boardId: string): Promise<void> {
    await manager.query(
      `UPDATE ranking.boards SET changed_since = coalesce(changed_since, now()) WHERE board_id = $1 AND status = 'open'`,
      [boardId],
    );
  }
}
