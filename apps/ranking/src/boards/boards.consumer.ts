import { Injectable } from '@nestjs/common';
import { createEvent, EventTypes, type CloudEvent } from '@paritrana/contracts';
import { EventPublisher, OnEvent } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';
import { BoardStore } from './board-store';

/** Keeps ranking's projection current from editions, nominations and scores, announcing standings as they change. */
@Injectable()
export class BoardsConsumer {
  constructor(
    private readonly store: BoardStore,
    private readonly events: EventPublisher,
  ) {}

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
    await this.announce(manager, boardId, event);
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
    await this.announce(manager, boardId, event);
  }

  @OnEvent(EventTypes.ScoreCalculated)
  async onScoreCalculated(event: CloudEvent<typeof EventTypes.ScoreCalculated>, manager: EntityManager): Promise<void> {
    const s = event.data;
    const boardId = await this.store.boardFor(manager, s);
    const subScores = Object.fromEntries(s.criteria.map((c) => [c.code, c.subScore]));
    await manager.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, total, status, sub_scores, reasons) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (nomination_id) DO UPDATE SET total = EXCLUDED.total, status = EXCLUDED.status, sub_scores = EXCLUDED.sub_scores, reasons = EXCLUDED.reasons`,
      [s.nominationId, boardId, s.total, s.status, subScores, JSON.stringify(s.reasons)],
    );
    await this.announce(manager, boardId, event);
  }

  private async announce(manager: EntityManager, boardId: string, cause: CloudEvent): Promise<void> {
    const board = await this.store.view(manager, boardId);
    if (!board || board.status !== 'open') return;
    const { edition, tier, scope, category, standings, ineligible } = board;
    const updated = createEvent(
      EventTypes.RankingUpdated,
      boardId,
      { boardId, edition, tier, scope, category, standings, ineligible, updatedAt: new Date().toISOString() },
      { service: 'ranking', cause },
    );
    await this.events.publish(manager, [updated]);
  }
}
