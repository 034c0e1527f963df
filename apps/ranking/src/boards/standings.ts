import { titleForRank, type IneligibleEntry, type Nominee, type ScoreStatus, type Standing } from '@paritrana/contracts';

export interface Entry {
  nominationId: string;
  nominee: Nominee;
  submittedAt: string;
  total: number;
  status: ScoreStatus;
  subScores: Record<string, number>;
  reasons: string[];
}

const nomineeRef = ({ kind, name, regionCode, npp }: Nominee) => ({ kind, name, regionCode, ...(npp ? { npp } : {}) });

/**
 * The contract's total order: total descending, then each tie-break criterion's sub-score
 * descending, then the earlier submission, then the nomination id; ranks 1, 2, 3… never shared.
 */
export function rankEntries(
  entries: Entry[],
  tieBreak: string[],
  winners: number,
): { standings: Standing[]; ineligible: IneligibleEntry[] } {
  const eligible = entries.filter((e) => e.status !== 'ineligible');
  eligible.sort((a, b) => {
    if (a.total !== b.total) return b.total - a.total;
    for (const code of tieBreak) {
      const diff = (b.subScores[code] ?? 0) - (a.subScores[code] ?? 0);
      if (diff !== 0) return diff;
    }
    const bySubmission = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
    if (bySubmission !== 0) return bySubmission;
    return a.nominationId < b.nominationId ? -1 : a.nominationId > b.nominationId ? 1 : 0;
  });
  const standings = eligible.map((e, i): Standing => {
    const title = titleForRank(i + 1, winners);
    return {
      rank: i + 1,
      ...(title ? { title } : {}),
      nominationId: e.nominationId,
      nominee: nomineeRef(e.nominee),
      total: e.total,
      status: e.status,
    };
  });
  const ineligible = entries
    .filter((e) => e.status === 'ineligible')
    .sort((a, b) => (a.nominationId < b.nominationId ? -1 : 1))
    .map((e) => ({ nominationId: e.nominationId, nominee: nomineeRef(e.nominee), reasons: e.reasons }));
  return { standings, ineligible };
}
