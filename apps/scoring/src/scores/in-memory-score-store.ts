import type { Tier } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import {
  ScoreStore,
  type NominationKey,
  type NominationSummary,
  type NominationVersion,
  type Score,
  type ScoreCount,
  type ScoredNomination,
} from './score-store';

/** ScoreStore for unit tests, with the PostgreSQL store's ordering and version rules. */
export class InMemoryScoreStore extends ScoreStore {
  readonly rows = new Map<string, ScoredNomination>();
  readonly lockedPools: string[] = [];

  override async nomination(_tx: Tx, nominationId: string): Promise<ScoredNomination | undefined> {
    const row = this.rows.get(nominationId);
    return row && structuredClone(row);
  }

  override async pool(_tx: Tx, edition: string, tier: Tier, category: string): Promise<ScoredNomination[]> {
    return this.select((n) => n.edition === edition && n.tier === tier && n.category === category && !n.withdrawnAt).sort(byId);
  }

  override async lockPool(_tx: Tx, edition: string, tier: Tier, category: string): Promise<void> {
    this.lockedPools.push(`${edition}|${tier}|${category}`);
  }

  /** A settable clock, so a test can move it back as a replica's clock may be behind another's. */
  clock = () => new Date();

  override async now(): Promise<Date> {
    return this.clock();
  }

  override async byProvinces(
    _tx: Tx,
    edition: string,
    tier: Tier,
    category: string,
    provinces: string[] | undefined,
  ): Promise<ScoredNomination[]> {
    return this.select(
      (n) =>
        n.edition === edition &&
        n.tier === tier &&
        n.category === category &&
        !n.withdrawnAt &&
        (provinces === undefined || provinces.includes(n.province)),
    ).sort((a, b) => b.total - a.total || byId(a, b));
  }

  override async assessable(_tx: Tx, edition: string, tier: Tier, provinces: string[] | undefined): Promise<NominationSummary[]> {
    return this.select(
      (n) =>
        n.edition === edition &&
        n.tier === tier &&
        !n.withdrawnAt &&
        n.nominee !== null &&
        (provinces === undefined || provinces.includes(n.province)),
    )
      .sort(
        (a, b) =>
          a.category.localeCompare(b.category) ||
          a.province.localeCompare(b.province) ||
          (a.nominee?.name ?? '').localeCompare(b.nominee?.name ?? '') ||
          byId(a, b),
      )
      .map(summaryOf);
  }

  override async summaries(_tx: Tx, nominationIds: string[]): Promise<NominationSummary[]> {
    return this.select((n) => nominationIds.includes(n.nominationId)).map(summaryOf);
  }

  override async upsertNominations(_tx: Tx, nominations: NominationVersion[]): Promise<ScoredNomination[]> {
    const stored: ScoredNomination[] = [];
    for (const n of nominations) {
      const held = this.rows.get(n.nominationId);
      if (held && held.version >= n.version) continue;
      const row: ScoredNomination = held
        ? { ...held, nominee: n.nominee, indicators: n.indicators, version: n.version }
        : { ...n, status: 'provisional', total: 0, rubricVersion: 0, criteria: [], reasons: [], calculatedAt: now(), withdrawnAt: null };
      this.rows.set(n.nominationId, structuredClone(row));
      stored.push(structuredClone(row));
    }
    return stored;
  }

  override async withdraw(_tx: Tx, n: NominationKey, at: string): Promise<void> {
    const held = this.rows.get(n.nominationId);
    this.rows.set(
      n.nominationId,
      held
        ? { ...held, withdrawnAt: at }
        : {
            ...n,
            nominee: null,
            indicators: {},
            version: 0,
            status: 'provisional',
            total: 0,
            rubricVersion: 0,
            criteria: [],
            reasons: [],
            calculatedAt: now(),
            withdrawnAt: at,
          },
    );
  }

  override async saveScores(_tx: Tx, scores: Score[]): Promise<void> {
    for (const s of scores) {
      const held = this.rows.get(s.nominationId);
      if (held) this.rows.set(s.nominationId, { ...held, ...structuredClone(s) });
    }
  }

  override async countByProvince(_tx: Tx, edition: string): Promise<ScoreCount[]> {
    const counts = new Map<string, ScoreCount>();
    for (const n of this.rows.values()) {
      if (n.edition !== edition || (n.version === 0 && !n.withdrawnAt)) continue;
      const key = `${n.tier === 'provincial' ? 0 : 1}|${n.province}`;
      const count = counts.get(key) ?? { tier: n.tier, province: n.province, provisional: 0, final: 0, ineligible: 0, withdrawn: 0 };
      count[n.withdrawnAt ? 'withdrawn' : n.status]++;
      counts.set(key, count);
    }
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, count]) => count);
  }

  private select(where: (n: ScoredNomination) => boolean): ScoredNomination[] {
    return [...this.rows.values()].filter(where).map((n) => structuredClone(n));
  }
}

const summaryOf = ({
  nominationId,
  edition,
  tier,
  province,
  category,
  nominee,
  status,
  withdrawnAt,
}: ScoredNomination): NominationSummary => ({
  nominationId,
  edition,
  tier,
  province,
  category,
  nominee,
  status,
  withdrawnAt,
});
const byId = (a: ScoredNomination, b: ScoredNomination) => (a.nominationId < b.nominationId ? -1 : a.nominationId > b.nominationId ? 1 : 0);
const now = () => new Date().toISOString();
