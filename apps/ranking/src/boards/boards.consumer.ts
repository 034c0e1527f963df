import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent, OnEvents } from '@paritrana/messaging';
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

  @OnEvents(EventTypes.NominationSubmitted)
  async onNominationsSubmitted(events: CloudEvent<typeof EventTypes.NominationSubmitted>[], manager: EntityManager): Promise<void> {
    const submitted = lastOfEach(events.map((e) => e.data));
    const boardIds = await this.store.boardsFor(manager, submitted);
    await manager.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, nominee, submitted_at)
       SELECT n.nomination_id, n.board_id, n.nominee::jsonb, n.submitted_at FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])
         AS n(nomination_id, board_id, nominee, submitted_at)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, submitted_at = EXCLUDED.submitted_at`,
      [
        submitted.map((n) => n.nominationId),
        boardIds,
        submitted.map((n) => JSON.stringify(n.nominee)),
        submitted.map((n) => n.submittedAt),
      ],
    );
    await this.announce(manager, boardIds);
  }

  /** A withdrawn nomination leaves its board; a later score for it changes nothing. */
  @OnEvent(EventTypes.NominationWithdrawn)
  async onNominationWithdrawn(event: CloudEvent<typeof EventTypes.NominationWithdrawn>, manager: EntityManager): Promise<void> {
    const n = event.data;
    const [boardId] = await this.store.boardsFor(manager, [n]);
    await manager.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, withdrawn_at) VALUES ($1, $2, $3)
       ON CONFLICT (nomination_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
      [n.nominationId, boardId, n.withdrawnAt],
    );
    await this.announce(manager, [boardId]);
  }

  /** An older score arriving after a newer one (a replay) changes nothing. */
  @OnEvents(EventTypes.ScoreCalculated)
  async onScoresCalculated(events: CloudEvent<typeof EventTypes.ScoreCalculated>[], manager: EntityManager): Promise<void> {
    const scores = newestScores(events.map((e) => e.data));
    const boardIds = await this.store.boardsFor(manager, scores);
    await manager.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, total, status, sub_scores, reasons, calculated_at)
       SELECT s.nomination_id, s.board_id, s.total, s.status, s.sub_scores::jsonb, s.reasons::jsonb, s.calculated_at
       FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
         AS s(nomination_id, board_id, total, status, sub_scores, reasons, calculated_at)
       ON CONFLICT (nomination_id) DO UPDATE SET total = EXCLUDED.total, status = EXCLUDED.status, sub_scores = EXCLUDED.sub_scores,
         reasons = EXCLUDED.reasons, calculated_at = EXCLUDED.calculated_at
       WHERE ranking.entries.calculated_at IS NULL OR ranking.entries.calculated_at <= EXCLUDED.calculated_at`,
      [
        scores.map((s) => s.nominationId),
        boardIds,
        scores.map((s) => s.total),
        scores.map((s) => s.status),
        scores.map((s) => JSON.stringify(Object.fromEntries(s.criteria.map((c) => [c.code, c.subScore])))),
        scores.map((s) => JSON.stringify(s.reasons)),
        scores.map((s) => s.calculatedAt),
      ],
    );
    await this.announce(manager, boardIds);
  }

  /**
   * Marks the boards changed; the announcer coalesces a burst of changes into one ranking.updated.
   * Rows are locked in board order, so transactions of several partitions never wait on each other in a cycle.
   */
  private async announce(manager: EntityManager, boardIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE ranking.boards SET changed_since = coalesce(changed_since, now()), changes = changes + 1
       WHERE board_id IN (SELECT board_id FROM ranking.boards WHERE board_id = ANY($1) AND status = 'open' ORDER BY board_id FOR NO KEY UPDATE)`,
      [[...new Set(boardIds)]],
    );
  }
}

/** One row per nomination for a multi-row upsert: the last submission of each (a redelivered one is the same). */
function lastOfEach<T extends { nominationId: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.nominationId, item])).values()];
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
