import { Injectable } from '@nestjs/common';
import type { BoardKey, RankingPublished, Tier } from '@paritrana/contracts';
import { PgListener, type Tx } from '@paritrana/platform';
import {
  BoardStore,
  type Board,
  type BoardChange,
  type BoardFilters,
  type BoardStatus,
  type BoardSummary,
  type Announced,
  type ClaimedBoard,
  type DueBoard,
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
  version: string;
  pending: boolean;
}

/** The announcer's claim on a board (an SQL expression of its id): one replica announces it at a time; publishing waits for it. */
const announcerLock = (boardId: string) => `hashtext('announce:' || ${boardId})`;

/** Notified by every transaction that noted changes, when it commits: the announcer listens on it. */
const CHANGES_CHANNEL = 'ranking_board_changes';

@Injectable()
export class PostgresBoardStore extends BoardStore {
  constructor(private readonly listener: PgListener) {
    super();
  }

  /**
   * Only the boards not there yet are inserted: ON CONFLICT alone would find every existing row and wait for any
   * transaction updating it (the announcer's) to end, holding up each batch of scores behind an announcement.
   */
  override async ensure(tx: Tx, boards: Array<BoardKey & { boardId: string }>): Promise<void> {
    const keys = [...new Map(boards.map((b) => [b.boardId, b])).values()].sort((a, b) => (a.boardId < b.boardId ? -1 : 1));
    await tx.query(
      `INSERT INTO ranking.boards (board_id, edition, tier, scope, category)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS n(board_id)
       WHERE NOT EXISTS (SELECT 1 FROM ranking.boards b WHERE b.board_id = n.board_id)
       ON CONFLICT (board_id) DO NOTHING`,
      [keys.map((k) => k.boardId), ...(['edition', 'tier', 'scope', 'category'] as const).map((f) => keys.map((k) => k[f]))],
    );
  }

  override async markChanged(tx: Tx, changes: BoardChange[]): Promise<void> {
    // The announcer is woken in the same round trip; it hears it when the transaction commits.
    await tx.query(
      `WITH noted AS (
         INSERT INTO ranking.board_changes (board_id, nomination_id)
         SELECT c.board_id, c.nomination_id FROM unnest($1::text[], $2::uuid[]) AS c(board_id, nomination_id)
         JOIN ranking.boards b USING (board_id) WHERE b.status = 'open'
       ) SELECT pg_notify('${CHANGES_CHANNEL}', '')`,
      [changes.map((c) => c.boardId), changes.map((c) => c.nominationId)],
    );
  }

  override watchChanges(onChange: () => void): Promise<void> {
    return this.listener.listen(CHANGES_CHANNEL, onChange);
  }

  /**
   * With `lock`, the announcer's claim on the board comes first, then its row: the announcer takes a board's noted
   * changes before it marks the row announced, so a writer locking the row first and deleting those notes after
   * (publishing) would deadlock with it.
   */
  override async find(tx: Tx, boardId: string, options: { lock?: boolean } = {}): Promise<Board | undefined> {
    if (options.lock) await tx.query(`SELECT pg_advisory_xact_lock(${announcerLock('$1::text')})`, [boardId]);
    const rows: BoardRow[] = await tx.query(
      `SELECT board_id, edition, tier, scope, category, status, published, version,
         EXISTS (SELECT 1 FROM ranking.board_changes c WHERE c.board_id = b.board_id) AS pending
       FROM ranking.boards b WHERE board_id = $1${options.lock ? ' FOR UPDATE' : ''}`,
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
        version: Number(row.version),
        pending: row.pending,
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
    await tx.query('DELETE FROM ranking.board_changes WHERE board_id = $1', [published.boardId]);
    await tx.query(
      `UPDATE ranking.boards SET status = 'published', published = $2, published_at = $3, published_by = $4 WHERE board_id = $1`,
      [published.boardId, published, published.publishedAt, published.publishedBy],
    );
  }

  override async dueForAnnouncement(tx: Tx, wholeBoardIntervalMs: number): Promise<DueBoard[]> {
    const rows: { board_id: string; changed: boolean; announced_size: number; since_ms: number | null; whole_due: boolean }[] =
      await tx.query(
        `SELECT b.board_id, c.board_id IS NOT NULL AS changed, b.announced_size,
              (extract(epoch FROM now() - b.announced_at) * 1000)::float8 AS since_ms,
              (b.whole_at IS NULL OR b.whole_at <= now() - make_interval(secs => $1::float8 / 1000.0)) AS whole_due
       FROM ranking.boards b
       LEFT JOIN (SELECT board_id, min(noted_at) AS noted_at FROM ranking.board_changes GROUP BY board_id) c USING (board_id)
       WHERE c.board_id IS NOT NULL
         OR (b.status = 'open' AND b.version > b.whole_version
           AND (b.whole_at IS NULL OR b.whole_at <= now() - make_interval(secs => $1::float8 / 1000.0)))
       ORDER BY coalesce(c.noted_at, b.whole_at)`,
        [wholeBoardIntervalMs],
      );
    return rows.map((r) => ({
      boardId: r.board_id,
      changed: r.changed,
      announcedSize: r.announced_size,
      sinceAnnouncedMs: r.since_ms,
      wholeDue: r.whole_due,
    }));
  }

  /** Replicas share the work through per-board advisory locks; the rows themselves are not locked. One round trip. */
  override async claim(tx: Tx, boardIds: string[], wholeBoardIntervalMs: number): Promise<ClaimedBoard[]> {
    const rows: { board_id: string; open: boolean; version: string; whole_version: string; whole_due: boolean; noted: string[] }[] =
      await tx.query(
        `WITH claimed AS (
           SELECT board_id, status = 'open' AS open, version, whole_version,
                  (whole_at IS NULL OR whole_at <= now() - make_interval(secs => $2::float8 / 1000.0)) AS whole_due
           FROM ranking.boards b
           WHERE board_id = ANY($1)
             AND (EXISTS (SELECT 1 FROM ranking.board_changes c WHERE c.board_id = b.board_id) OR (status = 'open' AND version > whole_version))
             AND pg_try_advisory_xact_lock(${announcerLock('board_id')})
         ), taken AS (
           DELETE FROM ranking.board_changes c USING claimed WHERE c.board_id = claimed.board_id RETURNING c.board_id, c.nomination_id
         )
         SELECT claimed.*, coalesce((SELECT array_agg(t.nomination_id::text) FROM taken t WHERE t.board_id = claimed.board_id), '{}') AS noted
         FROM claimed ORDER BY board_id`,
        [boardIds, wholeBoardIntervalMs],
      );
    return rows.map((r) => ({
      boardId: r.board_id,
      open: r.open,
      version: Number(r.version),
      wholeVersion: Number(r.whole_version),
      wholeDue: r.whole_due,
      noted: r.noted,
    }));
  }

  /** Only the announcer writes these columns, one replica per board at a time (its advisory lock). */
  override async markAnnounced(tx: Tx, announced: Announced[]): Promise<void> {
    await tx.query(
      `UPDATE ranking.boards b SET announced_at = clock_timestamp(), announced_size = c.size, version = c.version,
         whole_at = CASE WHEN c.whole_version > b.whole_version THEN clock_timestamp() ELSE b.whole_at END,
         whole_version = c.whole_version
       FROM unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[]) AS c(board_id, size, version, whole_version)
       WHERE b.board_id = c.board_id`,
      [
        announced.map((a) => a.boardId),
        announced.map((a) => a.size),
        announced.map((a) => a.version),
        announced.map((a) => a.wholeVersion),
      ],
    );
  }

  override async announcedEntries(tx: Tx, boardId: string, among?: string[]): Promise<Map<string, string>> {
    const rows: { nomination_id: string; fingerprint: string }[] = await tx.query(
      `SELECT nomination_id, fingerprint FROM ranking.announced_entries WHERE board_id = $1${among ? ' AND nomination_id = ANY($2::uuid[])' : ''}`,
      among ? [boardId, among] : [boardId],
    );
    return new Map(rows.map((r) => [r.nomination_id, r.fingerprint]));
  }

  override async recordAnnounced(tx: Tx, boardId: string, keep: Array<[string, string]>, forget: string[]): Promise<void> {
    if (keep.length > 0)
      await tx.query(
        `INSERT INTO ranking.announced_entries (board_id, nomination_id, fingerprint)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[])
         ON CONFLICT (board_id, nomination_id) DO UPDATE SET fingerprint = excluded.fingerprint`,
        [boardId, keep.map(([id]) => id), keep.map(([, fingerprint]) => fingerprint)],
      );
    if (forget.length > 0)
      await tx.query('DELETE FROM ranking.announced_entries WHERE board_id = $1 AND nomination_id = ANY($2::uuid[])', [boardId, forget]);
  }
}
