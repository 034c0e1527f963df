import {
  boardIdOf,
  EventTypes,
  findCategory,
  parseBoardId,
  type CloudEvent,
  type EditionDefinition,
  type IneligibleEntry,
  type Nominee,
  type RankingPublished,
  type ScoreStatus,
  type Standing,
  type Tier,
} from '@paritrana/contracts';
import { rubricOf } from '../boards/announced-board';
import { rankEntries } from '../boards/standings';

interface Projected {
  nominationId: string;
  edition: string;
  tier?: Tier;
  province?: string;
  category?: string;
  nominee?: Nominee;
  submittedAt?: string;
  withdrawn: boolean;
  score?: { total: number; status: ScoreStatus; subScores: Record<string, number>; reasons: string[]; calculatedAt: string };
}

export interface RebuiltBoard {
  boardId: string;
  status: 'open' | 'published';
  standings: Standing[];
  ineligible: IneligibleEntry[];
}

/**
 * Ranking's boards rebuilt from the event log alone: editions, nominations, scores and
 * publications, applied in log order per aggregate (each aggregate's events share a partition).
 */
export class EventLogProjection {
  private readonly editions = new Map<string, EditionDefinition>();
  private readonly nominations = new Map<string, Projected>();
  private readonly published = new Map<string, RankingPublished>();

  constructor(private readonly edition: string) {}

  apply(event: CloudEvent): void {
    switch (event.type) {
      case EventTypes.EditionDefined: {
        const { definition } = (event as CloudEvent<typeof EventTypes.EditionDefined>).data;
        this.editions.set(definition.code, definition);
        return;
      }
      case EventTypes.NominationSubmitted: {
        const n = (event as CloudEvent<typeof EventTypes.NominationSubmitted>).data;
        if (n.edition !== this.edition) return;
        Object.assign(this.entry(n.nominationId), {
          tier: n.tier,
          province: n.province,
          category: n.category,
          nominee: n.nominee,
          submittedAt: n.submittedAt,
        });
        return;
      }
      case EventTypes.NominationWithdrawn: {
        const n = (event as CloudEvent<typeof EventTypes.NominationWithdrawn>).data;
        if (n.edition !== this.edition) return;
        Object.assign(this.entry(n.nominationId), { tier: n.tier, province: n.province, category: n.category, withdrawn: true });
        return;
      }
      case EventTypes.ScoreCalculated: {
        const s = (event as CloudEvent<typeof EventTypes.ScoreCalculated>).data;
        if (s.edition !== this.edition) return;
        const entry = this.entry(s.nominationId);
        // As the live board: an older score arriving after a newer one changes nothing.
        if (entry.score && Date.parse(entry.score.calculatedAt) > Date.parse(s.calculatedAt)) return;
        const subScores = Object.fromEntries(s.criteria.map((c) => [c.code, c.subScore]));
        Object.assign(entry, {
          tier: s.tier,
          province: s.province,
          category: s.category,
          score: { total: s.total, status: s.status, subScores, reasons: s.reasons, calculatedAt: s.calculatedAt },
        });
        return;
      }
      case EventTypes.RankingPublished: {
        const board = (event as CloudEvent<typeof EventTypes.RankingPublished>).data;
        if (board.edition === this.edition && !this.published.has(board.boardId)) this.published.set(board.boardId, board);
        return;
      }
      default:
        return;
    }
  }

  /** Every board of the edition: published ones as they were published, open ones from their entries. */
  boards(): RebuiltBoard[] {
    const edition = this.editions.get(this.edition);
    if (!edition) return [];
    const byBoard = new Map<string, Projected[]>();
    for (const n of this.nominations.values()) {
      if (!n.tier || !n.province || !n.category) continue;
      const boardId = boardIdOf({
        edition: this.edition,
        tier: n.tier,
        scope: this.scope(edition, n.tier, n.province, n.category),
        category: n.category,
      });
      byBoard.set(boardId, [...(byBoard.get(boardId) ?? []), n]);
    }
    for (const boardId of this.published.keys()) if (!byBoard.has(boardId)) byBoard.set(boardId, []);
    return [...byBoard].map(([boardId, entries]): RebuiltBoard => {
      const published = this.published.get(boardId);
      if (published) return { boardId, status: 'published', standings: published.standings, ineligible: published.ineligible };
      const { tieBreak, winners } = rubricOf(edition, parseBoardId(boardId)!);
      const ranked = rankEntries(
        entries
          .filter((e) => e.nominee && !e.withdrawn)
          .map((e) => ({
            nominationId: e.nominationId,
            nominee: e.nominee!,
            submittedAt: e.submittedAt!,
            total: e.score?.total ?? 0,
            status: e.score?.status ?? 'provisional',
            subScores: e.score?.subScores ?? {},
            reasons: e.score?.reasons ?? [],
          })),
        tieBreak,
        winners,
      );
      return { boardId, status: 'open', ...ranked };
    });
  }

  private scope(edition: EditionDefinition, tier: Tier, province: string, category: string): string {
    if (tier === 'provincial') return province;
    return findCategory(edition, category)?.nationalScope === 'zone'
      ? (edition.zones.find((z) => z.provinces.includes(province))?.code ?? 'national')
      : 'national';
  }

  private entry(nominationId: string): Projected {
    let entry = this.nominations.get(nominationId);
    if (!entry) {
      entry = { nominationId, edition: this.edition, withdrawn: false };
      this.nominations.set(nominationId, entry);
    }
    return entry;
  }
}
