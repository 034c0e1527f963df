/** The national dashboard's rows: each service's own counts of an edition joined by province. */

type Tier = 'provincial' | 'national';

export interface NominationCount {
  tier: Tier;
  province: string;
  submitted: number;
  withdrawn: number;
}
export interface ScoreCount {
  tier: Tier;
  province: string;
  provisional: number;
  final: number;
  ineligible: number;
  withdrawn: number;
}
export interface BoardCount {
  tier: Tier;
  scope: string;
  status: 'open' | 'published';
}
export interface DeliveryCount {
  tier: Tier;
  province: string;
  pending: number;
  sent: number;
  failed: number;
}

export interface ProvinceRow {
  province: string;
  nominations: number;
  withdrawn: number;
  /** Scoring has a score for it (provisional, final or ineligible). */
  scored: number;
  final: number;
  ineligible: number;
  boards: number;
  published: number;
  sent: number;
  failed: number;
  pending: number;
}

const empty = (province: string): ProvinceRow => ({
  province,
  nominations: 0,
  withdrawn: 0,
  scored: 0,
  final: 0,
  ineligible: 0,
  boards: 0,
  published: 0,
  sent: 0,
  failed: 0,
  pending: 0,
});

/**
 * One row per province of the tier: every province given (so a province without nominations shows
 * its zeros), then any other the counts name, by code; and the sum of all rows. Boards count per
 * province only in the provincial tier (national boards are per zone or national).
 */
export function provinceRows(
  tier: Tier,
  provinces: string[],
  counts: { nominations: NominationCount[]; scores: ScoreCount[]; boards: BoardCount[]; deliveries: DeliveryCount[] },
): { rows: ProvinceRow[]; total: ProvinceRow } {
  const rows = new Map(provinces.map((p) => [p, empty(p)]));
  const row = (province: string) => {
    if (!rows.has(province)) rows.set(province, empty(province));
    return rows.get(province)!;
  };
  for (const n of counts.nominations.filter((c) => c.tier === tier)) {
    Object.assign(row(n.province), { nominations: n.submitted, withdrawn: n.withdrawn });
  }
  for (const s of counts.scores.filter((c) => c.tier === tier)) {
    Object.assign(row(s.province), { scored: s.provisional + s.final + s.ineligible, final: s.final, ineligible: s.ineligible });
  }
  if (tier === 'provincial') {
    for (const b of counts.boards.filter((c) => c.tier === 'provincial')) {
      const r = row(b.scope);
      r.boards++;
      if (b.status === 'published') r.published++;
    }
  }
  for (const d of counts.deliveries.filter((c) => c.tier === tier)) {
    Object.assign(row(d.province), { sent: d.sent, failed: d.failed, pending: d.pending });
  }
  const sorted = [...rows.values()].sort((a, b) => a.province.localeCompare(b.province));
  const total = sorted.reduce((sum, r) => {
    for (const key of Object.keys(sum) as (keyof ProvinceRow)[]) if (key !== 'province') (sum[key] as number) += r[key] as number;
    return sum;
  }, empty(''));
  return { rows: sorted, total };
}
