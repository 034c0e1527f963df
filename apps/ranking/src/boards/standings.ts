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

/**
 * An entry as a board orders it: no more than that is held for the boards kept in memory (its nominee and reasons are
 * read when it is shown).
 */
export interface RankedEntry {
  nominationId: string;
  total: number;
  status: ScoreStatus;
  /** The sub-scores of the tie-break criteria, in their order (0 when missing). */
  ties: number[];
  submittedMs: number;
}

export function rankedEntry(entry: Entry, tieBreak: string[]): RankedEntry {
  return {
    nominationId: entry.nominationId,
    total: entry.total,
    status: entry.status,
    ties: tieBreak.map((code) => entry.subScores[code] ?? 0),
    submittedMs: Date.parse(entry.submittedAt),
  };
}

/**
 * The contract's total order: total descending, then each tie-break criterion's sub-score
 * descending, then the earlier submission, then the nomination id; ranks 1, 2, 3… never shared.
 */
export function compareRanked(a: RankedEntry, b: RankedEntry): number {
  if (a.total !== b.total) return b.total - a.total;
  for (let i = 0; i < a.ties.length; i++) if (a.ties[i] !== b.ties[i]) return b.ties[i] - a.ties[i];
  if (a.submittedMs !== b.submittedMs) return a.submittedMs - b.submittedMs;
  return a.nominationId < b.nominationId ? -1 : a.nominationId > b.nominationId ? 1 : 0;
}

/** An eligible entry, `nominee`, as it stands at `rank` on a board with `winners` titles. */
export function standingOf(
  entry: Pick<RankedEntry, 'nominationId' | 'total' | 'status'>,
  nominee: Nominee,
  rank: number,
  winners: number,
): Standing {
  const title = titleForRank(rank, winners);
  return {
    rank,
    ...(title ? { title } : {}),
    nominationId: entry.nominationId,
    nominee: nomineeShown(nominee),
    total: entry.total,
    status: entry.status,
  };
}

export const ineligibleOf = (entry: Entry): IneligibleEntry => ({
  nominationId: entry.nominationId,
  nominee: nomineeShown(entry.nominee),
  reasons: entry.reasons,
});

/** A nominee as boards show it. */
function nomineeShown({ kind, name, regionCode, npp }: Nominee): Nominee {
  return { kind, name, regionCode, ...(npp ? { npp } : {}) };
}

export const byNominationId = (a: { nominationId: string }, b: { nominationId: string }) =>
  a.nominationId < b.nominationId ? -1 : a.nominationId > b.nominationId ? 1 : 0;

export function rankEntries(
  entries: Entry[],
  tieBreak: string[],
  winners: number,
): { standings: Standing[]; ineligible: IneligibleEntry[] } {
  const nominees = new Map(entries.map((e) => [e.nominationId, e.nominee]));
  const standings = entries
    .filter((e) => e.status !== 'ineligible')
    .map((e) => rankedEntry(e, tieBreak))
    .sort(compareRanked)
    .map((e, i) => standingOf(e, nominees.get(e.nominationId)!, i + 1, winners));
  const ineligible = entries
    .filter((e) => e.status === 'ineligible')
    .sort(byNominationId)
    .map(ineligibleOf);
  return { standings, ineligible };
}
