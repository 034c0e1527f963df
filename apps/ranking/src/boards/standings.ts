import { titleForRank, type IneligibleEntry, type Nominee, type ScoreStatus, type Standing } from '@paritrana/contracts';
import { RankedList, type HeldStanding } from './ranked-list';

export interface Entry {
  nominationId: string;
  nominee: Nominee;
  submittedAt: string;
  total: number;
  status: ScoreStatus;
  subScores: Record<string, number>;
  reasons: string[];
}

/** An eligible entry, `nominee`, as it stands at `rank` on a board with `winners` titles. */
export function standingOf(entry: HeldStanding, nominee: Nominee, rank: number, winners: number): Standing {
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

/** The board ranked whole from its entries, in the contract's order (`RankedList`). */
export function rankEntries(
  entries: Entry[],
  tieBreak: string[],
  winners: number,
): { standings: Standing[]; ineligible: IneligibleEntry[] } {
  const eligible = entries.filter((e) => e.status !== 'ineligible');
  const nominees = new Map(eligible.map((e) => [e.nominationId, e.nominee]));
  const ranked = new RankedList(tieBreak, eligible);
  const standings = Array.from({ length: ranked.length }, (_, i) => {
    const held = ranked.at(i);
    return standingOf(held, nominees.get(held.nominationId)!, i + 1, winners);
  });
  const ineligible = entries
    .filter((e) => e.status === 'ineligible')
    .sort(byNominationId)
    .map(ineligibleOf);
  return { standings, ineligible };
}
