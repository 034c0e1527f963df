import type { BoardKey, RankingPublished } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import {
  BoardStore,
  type AnnouncementPacing,
  type Board,
  type BoardFilters,
  type BoardSummary,
  type ClaimedBoard,
  type PublishedWinners,
} from './board-store';

interface Row extends Board {
  changedSince: number | null;
  changes: number;
  announcedAt: number | null;
  announcedSize: number;
}

/** The board store for unit tests, with the PostgreSQL store's rules (locks aside). */
export class InMemoryBoardStore extends BoardStore {
  readonly rows = new Map<string, Row>();

  override async ensure(_tx: Tx, boards: Array<BoardKey & { boardId: string }>): Promise<void> {
    for (const { boardId, edition, tier, scope, category } of boards) {
      if (this.rows.has(boardId)) continue;
      this.rows.set(boardId, {
        boardId,
        edition,
        tier,
        scope,
        category,
        status: 'open',
        published: null,
        changedSince: null,
        changes: 0,
        announcedAt: null,
        announcedSize: 0,
      });
    }
  }

  override async markChanged(_tx: Tx, boardIds: string[]): Promise<void> {
    for (const id of new Set(boardIds)) {
      const row = this.rows.get(id);
      if (row?.status !== 'open') continue;
      row.changedSince ??= Date.now();
      row.changes++;
    }
  }

  override async find(_tx: Tx, boardId: string): Promise<Board | undefined> {
    const row = this.rows.get(boardId);
    if (!row) return undefined;
    const { edition, tier, scope, category, status, published } = row;
    return { boardId, edition, tier, scope, category, status, published: published && structuredClone(published) };
  }

  override async list(_tx: Tx, filters: BoardFilters, provinces: string[] | undefined): Promise<BoardSummary[]> {
    const tierOrder = (tier: string) => (tier === 'provincial' ? 0 : 1);
    return [...this.rows.values()]
      .filter(
        (b) =>
          (filters.edition === undefined || b.edition === filters.edition) &&
          (filters.tier === undefined || b.tier === filters.tier) &&
          (filters.scope === undefined || b.scope === filters.scope) &&
          (filters.category === undefined || b.category === filters.category) &&
          (b.tier === 'national' || provinces === undefined || provinces.includes(b.scope)),
      )
      .sort(
        (a, b) =>
          a.edition.localeCompare(b.edition) ||
          tierOrder(a.tier) - tierOrder(b.tier) ||
          a.scope.localeCompare(b.scope) ||
          a.category.localeCompare(b.category),
      )
      .slice(0, 1000)
      .map(({ boardId, edition, tier, scope, category, status, published }) => ({
        boardId,
        edition,
        tier,
        scope,
        category,
        status,
        publishedAt: published?.publishedAt ?? null,
      }));
  }

  override async idsOfEdition(_tx: Tx, edition: string): Promise<string[]> {
    return [...this.rows.values()].filter((b) => b.edition === edition).map((b) => b.boardId);
  }

  override async editionsPublished(): Promise<string[]> {
    return [...new Set([...this.rows.values()].filter((b) => b.status === 'published').map((b) => b.edition))].sort();
  }

  override async publishedWinners(_tx: Tx, edition: string): Promise<PublishedWinners[]> {
    const tierOrder = (tier: string) => (tier === 'provincial' ? 0 : 1);
    return [...this.rows.values()]
      .filter((b) => b.status === 'published' && b.edition === edition && b.published)
      .sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || a.scope.localeCompare(b.scope) || a.category.localeCompare(b.category))
      .map(({ boardId, tier, scope, category, published }) => ({
        boardId,
        edition,
        tier,
        scope,
        category,
        publishedAt: published!.publishedAt,
        winners: structuredClone(published!.standings.filter((s) => s.title)),
      }));
  }

  override async publish(_tx: Tx, published: RankingPublished): Promise<void> {
    const row = this.rows.get(published.boardId);
    if (!row) return;
    Object.assign(row, { status: 'published', published: structuredClone(published), changedSince: null });
  }

  override async dueForAnnouncement(_tx: Tx, pacing: AnnouncementPacing): Promise<Array<{ boardId: string; announcedSize: number }>> {
    const now = Date.now();
    return [...this.rows.values()]
      .filter(
        (b) =>
          b.changedSince !== null &&
          (b.announcedAt === null || b.announcedAt <= now - Math.max(pacing.minIntervalMs, b.announcedSize * pacing.msPerStanding)),
      )
      .sort((a, b) => a.changedSince! - b.changedSince!)
      .map((b) => ({ boardId: b.boardId, announcedSize: b.announcedSize }));
  }

  override async claimChanged(_tx: Tx, boardIds: string[]): Promise<ClaimedBoard[]> {
    return boardIds
      .map((id) => this.rows.get(id))
      .filter((b): b is Row => b !== undefined && b.changedSince !== null)
      .sort((a, b) => (a.boardId < b.boardId ? -1 : 1))
      .map((b) => ({ boardId: b.boardId, changes: String(b.changes) }));
  }

  override async markAnnounced(_tx: Tx, announced: Array<ClaimedBoard & { size: number }>): Promise<void> {
    for (const { boardId, changes, size } of announced) {
      const row = this.rows.get(boardId);
      if (!row) continue;
      row.announcedAt = Date.now();
      row.announcedSize = size;
      if (String(row.changes) === changes) row.changedSince = null;
    }
  }
}
