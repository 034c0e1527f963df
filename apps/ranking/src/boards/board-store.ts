import { Injectable } from '@nestjs/common';
import {
  boardIdOf,
  findCategory,
  parseBoardId,
  type BoardKey,
  type EditionDefinition,
  type IneligibleEntry,
  type RankingPublished,
  type Standing,
  type Tier,
} from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';
import type { EntityManager } from 'typeorm';
import { rankEntries, type Entry } from './standings';

export interface BoardRow {
  board_id: string;
  edition: string;
  tier: Tier;
  scope: string;
  category: string;
  status: 'open' | 'published';
  published: RankingPublished | null;
}

export interface BoardView extends BoardKey {
  boardId: string;
  status: 'open' | 'published';
  standings: Standing[];
  ineligible: IneligibleEntry[];
  publishedAt?: string;
  publishedBy?: string;
}

/** Ranking's own tables: editions, boards and the entries that make up each board. */
@Injectable()
export class BoardStore {
  async edition(manager: EntityManager, code: string): Promise<EditionDefinition> {
    const rows: { definition: EditionDefinition }[] = await manager.query('SELECT definition FROM ranking.editions WHERE code = $1', [
      code,
    ]);
    if (rows.length === 0) throw DomainError.unavailable('EDITION_NOT_YET_KNOWN', `Edition ${code} has not reached ranking yet`);
    return rows[0].definition;
  }

  /**
   * The board each nomination competes on: its province, or in the national tier its zone or `national`.
   * Only boards of a known edition: one the announcer could not show would hold up every announcement.
   */
  async boardsFor(
    manager: EntityManager,
    nominations: Array<{ edition: string; tier: Tier; province: string; category: string }>,
  ): Promise<string[]> {
    const editions = new Map<string, EditionDefinition>();
    for (const code of new Set(nominations.map((n) => n.edition))) editions.set(code, await this.edition(manager, code));
    const boards = new Map<string, BoardKey>();
    const ids = nominations.map((n) => {
      const key: BoardKey = { edition: n.edition, tier: n.tier, scope: scopeOf(editions.get(n.edition)!, n), category: n.category };
      const boardId = boardIdOf(key);
      boards.set(boardId, key);
      return boardId;
    });
    const keys = [...boards].sort(([a], [b]) => (a < b ? -1 : 1));
    await manager.query(
      `INSERT INTO ranking.boards (board_id, edition, tier, scope, category)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT (board_id) DO NOTHING`,
      [keys.map(([id]) => id), ...(['edition', 'tier', 'scope', 'category'] as const).map((f) => keys.map(([, key]) => key[f]))],
    );
    return ids;
  }

  async board(manager: EntityManager, boardId: string, lock = false): Promise<BoardRow | undefined> {
    const rows: BoardRow[] = await manager.query(`SELECT * FROM ranking.boards WHERE board_id = $1${lock ? ' FOR UPDATE' : ''}`, [boardId]);
    return rows[0];
  }

  /** Boards matching the filters, provincial ones limited to `provinces` when given. */
  async list(
    manager: EntityManager,
    filters: { edition?: string; tier?: string; scope?: string; category?: string },
    provinces: string[] | undefined,
  ): Promise<Array<BoardKey & { boardId: string; status: string; publishedAt: string | null }>> {
    return manager.query(
      `SELECT board_id AS "boardId", edition, tier, scope, category, status, published_at AS "publishedAt" FROM ranking.boards
       WHERE ($1::text IS NULL OR edition = $1) AND ($2::text IS NULL OR tier = $2) AND ($3::text IS NULL OR scope = $3)
         AND ($4::text IS NULL OR category = $4) AND (tier = 'national' OR $5::text[] IS NULL OR scope = ANY($5))
       ORDER BY edition, tier DESC, scope, category LIMIT 1000`,
      [filters.edition ?? null, filters.tier ?? null, filters.scope ?? null, filters.category ?? null, provinces ?? null],
    );
  }

  /** The board as it stands now: the frozen snapshot once published, else computed from its entries. */
  async view(manager: EntityManager, boardId: string, lock = false): Promise<BoardView | undefined> {
    const key = parseBoardId(boardId);
    const row = key && (await this.board(manager, boardId, lock));
    if (!key || !row) return undefined;
    if (row.status === 'published' && row.published) {
      const { standings, ineligible, publishedAt, publishedBy } = row.published;
      return { boardId, ...key, status: 'published', standings, ineligible, publishedAt, publishedBy };
    }
    const edition = await this.edition(manager, key.edition);
    const category = findCategory(edition, key.category);
    const rubric = category?.rubrics[key.tier];
    const entries: Array<Entry & { total: string }> = await manager.query(
      // A nomination not scored yet stands as provisional with 0, so a board cannot be published without it.
      `SELECT nomination_id AS "nominationId", nominee, submitted_at AS "submittedAt", coalesce(total, 0) AS total,
         coalesce(status, 'provisional') AS status, coalesce(sub_scores, '{}') AS "subScores", reasons
       FROM ranking.entries WHERE board_id = $1 AND nominee IS NOT NULL AND withdrawn_at IS NULL`,
      [boardId],
    );
    const ranked = rankEntries(
      entries.map((e) => ({ ...e, total: Number(e.total), submittedAt: new Date(e.submittedAt).toISOString() })),
      rubric?.tieBreak ?? [],
      category?.winners ?? 0,
    );
    return { boardId, ...key, status: 'open', ...ranked };
  }
}

function scopeOf(edition: EditionDefinition, n: { tier: Tier; province: string; category: string }): string {
  if (n.tier !== 'national') return n.province;
  return findCategory(edition, n.category)?.nationalScope === 'zone'
    ? (edition.zones.find((z) => z.provinces.includes(n.province))?.code ?? 'national')
    : 'national';
}
