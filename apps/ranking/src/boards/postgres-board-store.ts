import { Injectable } from '@nestjs/common';
import type { BoardKey, RankingPublished, Tier } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import {
  BoardStore,
  type AnnouncementPacing,
  type Board,
  type BoardFilters,
  type BoardStatus,
  type BoardSummary,
  type ClaimedBoard,
  type PublishedWinners,
} from './board-store';

interface BoardRow {
  board_id: string;
  edition: string;
  tier: Tier;
  scope: string;
  category: string;
  status: BoardStatus;
  published: RankingPublished | null;
}

@Injectable()
export class PostgresBoardStore extends BoardStore {
  override async ensure(tx: Tx, boards: Array<BoardKey & { boardId: string }>): Promise<void> {
    const keys = [...new Map(boards.map((b) => [b.boardId, b])).values()].sort((a, b) => (a.boardId < b.boardId ? -1 : 1));
    await tx.query(
      `INSERT INTO ranking.boards (board_id, edition, tier, scope, category)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT (board_id) DO NOTHING`,
      [keys.map((k) => k.boardId), ...(['edition', 'tier', 'scope', 'category'] as const).map((f) => keys.map((k) => k[f]))],
    );
  }

  /** Rows are locked in board order, so transactions of several partitions never wait on each other in a cycle. */
  override async markChanged(tx: Tx, boardIds: string[]): Promise<void> {
    await tx.query(
      `UPDATE ranking.boards SET changed_since = coalesce(changed_since, now()), changes = changes + 1
       WHERE board_id IN (SELECT board_id FROM ranking.boards WHERE board_id = ANY($1) AND status = 'open' ORDER BY board_id FOR NO KEY UPDATE)`,
      [[...new Set(boardIds)]],
    );
  }

  override async find(tx: Tx, boardId: string, options: { lock?: boolean } = {}): Promise<Board | undefined> {
    const rows: BoardRow[] = await tx.query(
      `SELECT board_id, edition, tier, scope, category, status, published FROM ranking.boards WHERE board_id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [boardId],
    );
    const row = rows[0];
    return (
      row && {
        boardId: row.board_id,
        edition: row.edition,
        tier: row.tier,
        scope: row.scope,
        category: row.category,
        status: row.status,
        published: row.published,
      }
    );
  }

  override list(tx: Tx, filters: BoardFilters, provinces: string[] | undefined): Promise<BoardSummary[]> {
    return tx.query(
      `SELECT board_id AS "boardId", edition, tier, scope, category, status, published_at AS "publishedAt" FROM ranking.boards
       WHERE ($1::text IS NULL OR edition = $1) AND ($2::text IS NULL OR tier = $2) AND ($3::text IS NULL OR scope = $3)
         AND ($4::text IS NULL OR category = $4) AND (tier = 'national' OR $5::text[] IS NULL OR scope = ANY($5))
       ORDER BY edition, tier DESC, scope, category LIMIT 1000`,
      [filters.edition ?? null, filters.tier ?? null, filters.scope ?? null, filters.category ?? null, provinces ?? null],
    );
  }

  override async idsOfEdition(tx: Tx, edition: string): Promise<string[]> {
    const rows: { board_id: string }[] = await tx.query('SELECT board_id FROM ranking.boards WHERE edition = $1', [edition]);
    return rows.map((r) => r.board_id);
  }

  override async editionsPublished(tx: Tx): Promise<string[]> {
    const rows: { edition: string }[] = await tx.query(
      "SELECT DISTINCT edition FROM ranking.boards WHERE status = 'published' ORDER BY edition",
    );
    return rows.map((r) => r.edition);
  }

  /** Only the titled standings leave the database: a large board's snapshot is not read whole. */
  override async publishedWinners(tx: Tx, edition: string): Promise<PublishedWinners[]> {
    const rows: Array<PublishedWinners & { publishedAt: Date }> = await tx.query(
      `SELECT board_id AS "boardId", edition, tier, scope, category, published_at AS "publishedAt",
         coalesce((SELECT jsonb_agg(s ORDER BY (s->>'rank')::int) FROM jsonb_array_elements(published->'standings') s WHERE s ? 'title'), '[]') AS winners
       FROM ranking.boards WHERE status = 'published' AND edition = $1 ORDER BY tier DESC, scope, category`,
      [edition],
    );
    return rows.map((r) => ({ ...r, publishedAt: new Date(r.publishedAt).toISOString() }));
  }

  override async publish(tx: Tx, published: RankingPublished): Promise<void> {
    await tx.query(
      `UPDATE ranking.boards SET status = 'published', published = $2, published_at = $3, published_by = $4, changed_since = NULL WHERE board_id = $1`,
      [published.boardId, published, published.publishedAt, published.publishedBy],
    );
  }

  override async dueForAnnouncement(tx: Tx, pacing: AnnouncementPacing): Promise<Array<{ boardId: string; announcedSize: number }>> {
    const rows: { board_id: string; announced_size: number }[] = await tx.query(
      `SELECT board_id, announced_size FROM ranking.boards WHERE changed_since IS NOT NULL
         AND (announced_at IS NULL OR announced_at <= now() - make_interval(secs => greatest($1::float8, announced_size * $2::float8) / 1000.0))
       ORDER BY changed_since`,
      [pacing.minIntervalMs, pacing.msPerStanding],
    );
    return rows.map((r) => ({ boardId: r.board_id, announcedSize: r.announced_size }));
  }

  /** Replicas share the work through per-board advisory locks; the rows themselves are not locked. */
  override async claimChanged(tx: Tx, boardIds: string[]): Promise<ClaimedBoard[]> {
    const rows: { board_id: string; changes: string }[] = await tx.query(
      `SELECT board_id, changes FROM ranking.boards
       WHERE board_id = ANY($1) AND changed_since IS NOT NULL AND pg_try_advisory_xact_lock(hashtext('announce:' || board_id))
       ORDER BY board_id`,
      [boardIds],
    );
    return rows.map((r) => ({ boardId: r.board_id, changes: r.changes }));
  }

  override async markAnnounced(tx: Tx, announced: Array<ClaimedBoard & { size: number }>): Promise<void> {
    await tx.query(
      `UPDATE ranking.boards b SET announced_at = clock_timestamp(), announced_size = c.size,
         changed_since = CASE WHEN b.changes = c.changes THEN NULL ELSE b.changed_since END
       FROM unnest($1::text[], $2::bigint[], $3::int[]) AS c(board_id, changes, size) WHERE b.board_id = c.board_id`,
      [announced.map((a) => a.boardId), announced.map((a) => a.changes), announced.map((a) => a.size)],
    );
  }
}
