import type { BoardKey, RankingPublished } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import {
  BoardStore,
  type Board,
  type BoardChange,
  type BoardFilters,
  type BoardSummary,
  type Announced,
  type ClaimedBoard,
  type DueBoard,
  type PublishedWinners,
} from './board-store';

interface Row extends Omit<Board, 'pending'> {
  /** When its oldest change not taken was noted. */
  changedSince: number | null;
  announcedAt: number | null;
  announcedSize: number;
  version: number;
  wholeVersion: number;
  wholeAt: number | null;
  announcedEntries: Map<string, string>;
  /** The nominations noted changed, not taken yet. */
  noted: string[];
}

const keyOf = ({ boardId, edition, tier, scope, category }: Row) => ({ boardId, edition, tier, scope, category });

/** The board store for unit tests, with the PostgreSQL store's rules (locks aside). */
export class InMemoryBoardStore extends BoardStore {
  readonly rows = new Map<string, Row>();
  private readonly watchers: Array<() => void> = [];

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
        announcedAt: null,
        announcedSize: 0,
        version: 0,
        wholeVersion: 0,
        wholeAt: null,
        announcedEntries: new Map(),
        noted: [],
      });
    }
  }

  override async markChanged(_tx: Tx, changes: BoardChange[]): Promise<void> {
    for (const id of new Set(changes.map((c) => c.boardId))) {
      const row = this.rows.get(id);
      if (row?.status !== 'open') continue;
      row.changedSince ??= Date.now();
      row.noted.push(...changes.filter((c) => c.boardId === id).map((c) => c.nominationId));
    }
    for (const onChange of this.watchers) onChange();
  }

  override async watchChanges(onChange: () => void): Promise<void> {
    this.watchers.push(onChange);
  }

  override async find(_tx: Tx, boardId: string): Promise<Board | undefined> {
    const row = this.rows.get(boardId);
    if (!row) return undefined;
    const { status, published, version, changedSince } = row;
    return { ...keyOf(row), status, published: published && structuredClone(published), version, pending: changedSince !== null };
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
      .map((b) => ({ ...keyOf(b), status: b.status, publishedAt: b.published?.publishedAt ?? null }));
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
    Object.assign(row, { status: 'published', published: structuredClone(published), changedSince: null, noted: [] });
  }

  override async dueForAnnouncement(_tx: Tx, wholeBoardIntervalMs: number): Promise<DueBoard[]> {
    const now = Date.now();
    const wholeDue = (b: Row) => b.version > b.wholeVersion && (b.wholeAt === null || b.wholeAt <= now - wholeBoardIntervalMs);
    return [...this.rows.values()]
      .filter((b) => b.changedSince !== null || (b.status === 'open' && wholeDue(b)))
      .sort((a, b) => (a.changedSince ?? a.wholeAt!) - (b.changedSince ?? b.wholeAt!))
      .map((b) => ({
        boardId: b.boardId,
        changed: b.changedSince !== null,
        announcedSize: b.announcedSize,
        sinceAnnouncedMs: b.announcedAt === null ? null : now - b.announcedAt,
        wholeDue: b.wholeAt === null || b.wholeAt <= now - wholeBoardIntervalMs,
      }));
  }

  override async claim(_tx: Tx, boardIds: string[], wholeBoardIntervalMs: number): Promise<ClaimedBoard[]> {
    const now = Date.now();
    return boardIds
      .map((id) => this.rows.get(id))
      .filter((b): b is Row => b !== undefined && (b.changedSince !== null || (b.status === 'open' && b.version > b.wholeVersion)))
      .sort((a, b) => (a.boardId < b.boardId ? -1 : 1))
      .map((b) => {
        const noted = b.noted;
        b.noted = [];
        b.changedSince = null;
        return {
          boardId: b.boardId,
          open: b.status === 'open',
          version: b.version,
          wholeVersion: b.wholeVersion,
          wholeDue: b.wholeAt === null || b.wholeAt <= now - wholeBoardIntervalMs,
          noted,
        };
      });
  }

  override async markAnnounced(_tx: Tx, announced: Announced[]): Promise<void> {
    for (const { boardId, size, version, wholeVersion } of announced) {
      const row = this.rows.get(boardId);
      if (!row) continue;
      row.announcedAt = Date.now();
      row.announcedSize = size;
      row.version = version;
      if (wholeVersion > row.wholeVersion) row.wholeAt = Date.now();
      row.wholeVersion = wholeVersion;
    }
  }

  override async announcedEntries(_tx: Tx, boardId: string, among?: string[]): Promise<Map<string, string>> {
    const announced = new Map(this.rows.get(boardId)?.announcedEntries);
    if (!among) return announced;
    const wanted = new Set(among);
    return new Map([...announced].filter(([id]) => wanted.has(id)));
  }

  override async recordAnnounced(_tx: Tx, boardId: string, keep: Array<[string, string]>, forget: string[]): Promise<void> {
    const entries = this.rows.get(boardId)!.announcedEntries;
    for (const [id, fingerprint] of keep) entries.set(id, fingerprint);
    for (const id of forget) entries.delete(id);
  }
}
