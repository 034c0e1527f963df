import { Injectable } from '@nestjs/common';
import type { Tx } from '@paritrana/platform';
import type { Entry } from '../boards/standings';
import { EntryStore, type EntryCount, type ScoredEntry, type SubmittedEntry, type WithdrawnEntry } from './entry-store';

/**
 * Rows are written in nomination order by every transaction: a batch of submissions and a batch of scores of the
 * same nominations, consumed at the same moment, would otherwise lock them in opposite orders and deadlock
 * (PostgreSQL finds it after a second, and the batch is retried).
 */
const inNominationOrder = <T extends { nominationId: string }>(entries: T[]): T[] =>
  [...entries].sort((a, b) => (a.nominationId < b.nominationId ? -1 : a.nominationId > b.nominationId ? 1 : 0));

@Injectable()
export class PostgresEntryStore extends EntryStore {
  override async saveSubmitted(tx: Tx, submitted: SubmittedEntry[]): Promise<void> {
    const entries = inNominationOrder(submitted);
    await tx.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, nominee, submitted_at)
       SELECT n.nomination_id, n.board_id, n.nominee::jsonb, n.submitted_at FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])
         AS n(nomination_id, board_id, nominee, submitted_at)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, submitted_at = EXCLUDED.submitted_at`,
      [
        entries.map((e) => e.nominationId),
        entries.map((e) => e.boardId),
        entries.map((e) => JSON.stringify(e.nominee)),
        entries.map((e) => e.submittedAt),
      ],
    );
  }

  override async saveWithdrawn(tx: Tx, entry: WithdrawnEntry): Promise<void> {
    await tx.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, withdrawn_at) VALUES ($1, $2, $3)
       ON CONFLICT (nomination_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
      [entry.nominationId, entry.boardId, entry.withdrawnAt],
    );
  }

  override async saveScores(tx: Tx, scored: ScoredEntry[]): Promise<void> {
    const scores = inNominationOrder(scored);
    await tx.query(
      `INSERT INTO ranking.entries (nomination_id, board_id, total, status, sub_scores, reasons, calculated_at)
       SELECT s.nomination_id, s.board_id, s.total, s.status, s.sub_scores::jsonb, s.reasons::jsonb, s.calculated_at
       FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
         AS s(nomination_id, board_id, total, status, sub_scores, reasons, calculated_at)
       ON CONFLICT (nomination_id) DO UPDATE SET total = EXCLUDED.total, status = EXCLUDED.status, sub_scores = EXCLUDED.sub_scores,
         reasons = EXCLUDED.reasons, calculated_at = EXCLUDED.calculated_at
       WHERE ranking.entries.calculated_at IS NULL OR ranking.entries.calculated_at <= EXCLUDED.calculated_at`,
      [
        scores.map((s) => s.nominationId),
        scores.map((s) => s.boardId),
        scores.map((s) => s.total),
        scores.map((s) => s.status),
        scores.map((s) => JSON.stringify(s.subScores)),
        scores.map((s) => JSON.stringify(s.reasons)),
        scores.map((s) => s.calculatedAt),
      ],
    );
  }

  override standingOn(tx: Tx, boardId: string): Promise<Entry[]> {
    return this.standing(tx, 'board_id = $1', [boardId]);
  }

  override standingAmong(tx: Tx, boardId: string, nominationIds: string[]): Promise<Entry[]> {
    return this.standing(tx, 'nomination_id = ANY($2::uuid[]) AND board_id = $1', [boardId, [...new Set(nominationIds)]]);
  }

  private async standing(tx: Tx, where: string, parameters: unknown[]): Promise<Entry[]> {
    const rows: Array<Entry & { total: string; submittedAt: Date }> = await tx.query(
      `SELECT nomination_id AS "nominationId", nominee, submitted_at AS "submittedAt", coalesce(total, 0) AS total,
         coalesce(status, 'provisional') AS status, coalesce(sub_scores, '{}') AS "subScores", reasons
       FROM ranking.entries WHERE ${where} AND nominee IS NOT NULL AND withdrawn_at IS NULL`,
      parameters,
    );
    return rows.map((e) => ({ ...e, total: Number(e.total), submittedAt: new Date(e.submittedAt).toISOString() }));
  }

  override async countByBoard(tx: Tx, boardIds: string[]): Promise<EntryCount[]> {
    if (boardIds.length === 0) return [];
    return tx.query(
      `SELECT board_id AS "boardId",
              count(*) FILTER (WHERE coalesce(status, 'provisional') = 'provisional')::int AS provisional,
              count(*) FILTER (WHERE status = 'final')::int AS final,
              count(*) FILTER (WHERE status = 'ineligible')::int AS ineligible
       FROM ranking.entries WHERE board_id = ANY($1::text[]) AND nominee IS NOT NULL AND withdrawn_at IS NULL
       GROUP BY board_id`,
      [boardIds],
    );
  }
}
