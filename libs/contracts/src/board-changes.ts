import type { IneligibleEntry, RankingChanged, RankingUpdated, Standing } from './events/ranking.events';

/** A board's two lists, as `GET /v1/boards/:id` and the ranking events carry them. */
export interface BoardLists {
  standings: Standing[];
  ineligible: IneligibleEntry[];
}

/** A copy of an open board kept from `paritrana.rankings.v1`: its lists as of `version`. */
export interface BoardCopy extends BoardLists {
  boardId: string;
  version: number;
}

/** What a `ranking.changed` carries about the lists, and the fingerprints its producer keeps for the next one. */
export interface BoardDiff extends Pick<RankingChanged, 'standings' | 'left' | 'ineligible' | 'ineligibleLeft' | 'counts'> {
  /** Fingerprints to keep (entered or changed nominations) and nominations to forget (gone from both lists). */
  keep: Array<[nominationId: string, fingerprint: string]>;
  forget: string[];
}

/**
 * A nomination as last announced, in which list, without its rank: a rank that moves only because others
 * entered or left above it is not a change (the receiving side renumbers), a title that comes or goes is.
 */
export function fingerprintOf(entry: Standing | IneligibleEntry): string {
  const { kind, name, regionCode, npp } = entry.nominee;
  // One string, built without intermediate arrays: every standing of a board is fingerprinted at each announcement.
  return 'rank' in entry
    ? `s\u001f${entry.title ?? ''}\u001f${entry.total}\u001f${entry.status}\u001f${kind}\u001f${name}\u001f${regionCode}\u001f${npp ?? ''}`
    : `i\u001f${JSON.stringify(entry.reasons)}\u001f${kind}\u001f${name}\u001f${regionCode}\u001f${npp ?? ''}`;
}

const inStandings = (fingerprint: string) => fingerprint.startsWith('s\u001f');

/** The change from the board announced with `previous` fingerprints to `current`; undefined when nothing changed. */
export function diffBoard(previous: ReadonlyMap<string, string>, current: BoardLists): BoardDiff | undefined {
  return diffAmong(previous, current, previous.keys(), { standings: current.standings.length, ineligible: current.ineligible.length });
}

/**
 * The same change when only some nominations may have changed: `current` holds those of them on the board now (at
 * their current ranks), `candidates` names every one of them (on the board or gone) and `counts` the lists' lengths.
 * A nomination that was announced, is no longer in `current` and is among the candidates has left.
 */
export function diffAmong(
  previous: ReadonlyMap<string, string>,
  current: BoardLists,
  candidates: Iterable<string>,
  counts: BoardDiff['counts'],
): BoardDiff | undefined {
  const keep: BoardDiff['keep'] = [];
  const changed = <T extends Standing | IneligibleEntry>(entries: T[]) =>
    entries.filter((entry) => {
      const fingerprint = fingerprintOf(entry);
      if (previous.get(entry.nominationId) === fingerprint) return false;
      keep.push([entry.nominationId, fingerprint]);
      return true;
    });
  const standings = changed(current.standings);
  const ineligible = changed(current.ineligible);
  const nowStanding = new Set(current.standings.map((s) => s.nominationId));
  const nowIneligible = new Set(current.ineligible.map((i) => i.nominationId));
  const left: string[] = [];
  const ineligibleLeft: string[] = [];
  const forget: string[] = [];
  for (const nominationId of candidates) {
    const fingerprint = previous.get(nominationId);
    if (fingerprint === undefined) continue;
    const standing = inStandings(fingerprint);
    if (standing && !nowStanding.has(nominationId)) left.push(nominationId);
    if (!standing && !nowIneligible.has(nominationId)) ineligibleLeft.push(nominationId);
    if (!nowStanding.has(nominationId) && !nowIneligible.has(nominationId)) forget.push(nominationId);
  }
  if (standings.length + ineligible.length + left.length + ineligibleLeft.length === 0) return undefined;
  return { standings, left: left.sort(), ineligible, ineligibleLeft: ineligibleLeft.sort(), counts, keep, forget: forget.sort() };
}

/** A `ranking.changed` that does not follow the copy's version: the copy must be taken again from a `ranking.updated`. */
export class BoardVersionGapError extends Error {
  readonly code = 'BOARD_VERSION_GAP';
}

/** The copy of a board from its whole-board event, when the event names its version. */
export function boardCopyFrom(updated: RankingUpdated): BoardCopy | undefined {
  if (updated.version === undefined) return undefined;
  const { boardId, version, standings, ineligible } = updated;
  return { boardId, version, standings, ineligible };
}

/**
 * Version n of a board from version n - 1 (or from nothing, for version 1): the standings that left or changed are
 * taken out, the changed ones put back at their ranks, the others keep their order and are renumbered; the
 * ineligible list stays in nomination order.
 */
export function applyBoardChange(copy: BoardCopy | undefined, change: RankingChanged): BoardCopy {
  const from = copy?.version ?? 0;
  if (change.version !== from + 1)
    throw new BoardVersionGapError(`${change.boardId}: version ${change.version} cannot follow version ${from}`);
  const outOfStandings = new Set([...change.left, ...change.standings.map((s) => s.nominationId)]);
  const kept = (copy?.standings ?? []).filter((s) => !outOfStandings.has(s.nominationId));
  const entering = [...change.standings].sort((a, b) => a.rank - b.rank);
  const standings: Standing[] = [];
  let next = 0;
  for (const standing of entering) {
    while (standings.length < standing.rank - 1 && next < kept.length) standings.push({ ...kept[next++], rank: standings.length + 1 });
    standings.push(standing);
  }
  while (next < kept.length) standings.push({ ...kept[next++], rank: standings.length + 1 });
  const outOfIneligible = new Set([...change.ineligibleLeft, ...change.ineligible.map((i) => i.nominationId)]);
  const ineligible = [...(copy?.ineligible ?? []).filter((i) => !outOfIneligible.has(i.nominationId)), ...change.ineligible].sort((a, b) =>
    a.nominationId < b.nominationId ? -1 : 1,
  );
  if (
    standings.some((s, i) => s.rank !== i + 1) ||
    standings.length !== change.counts.standings ||
    ineligible.length !== change.counts.ineligible
  )
    throw new BoardVersionGapError(
      `${change.boardId}: version ${change.version} does not fit the copy at version ${from} ` +
        `(${standings.length} standings and ${ineligible.length} ineligible, the event counts ${change.counts.standings} and ${change.counts.ineligible})`,
    );
  return { boardId: change.boardId, version: change.version, standings, ineligible };
}

/** A board as a follower of `paritrana.rankings.v1` holds it: open at a version, or published and frozen. */
export interface FollowedBoard extends BoardCopy {
  status: 'open' | 'published';
}

/**
 * Every board of `paritrana.rankings.v1` kept from its events, in the order of the board's key: `ranking.changed`
 * applied version after version (a redelivered one ignored), a whole `ranking.updated` taken when it is newer than
 * the copy (or when the copy broke off), `ranking.published` freezing the board. A change that cannot follow its
 * copy is counted in `gaps` and the board waits for its next whole board.
 */
export class BoardCopies {
  private readonly copies = new Map<string, FollowedBoard>();
  private readonly broken = new Set<string>();
  readonly gaps: string[] = [];

  get(boardId: string): FollowedBoard | undefined {
    return this.broken.has(boardId) ? undefined : this.copies.get(boardId);
  }

  boardIds(): string[] {
    return [...this.copies.keys()].filter((id) => !this.broken.has(id)).sort();
  }

  /** Applies one event of the rankings topic; other types are ignored. */
  apply(event: { type: string; data: unknown }): void {
    if (event.type === 'paritrana.ranking.changed.v1') this.change(event.data as RankingChanged);
    else if (event.type === 'paritrana.ranking.updated.v1') this.whole(event.data as RankingUpdated);
    else if (event.type === 'paritrana.ranking.published.v1') {
      const { boardId, standings, ineligible } = event.data as BoardLists & { boardId: string };
      const version = this.copies.get(boardId)?.version ?? 0;
      this.copies.set(boardId, { boardId, version, standings, ineligible, status: 'published' });
      this.broken.delete(boardId);
    }
  }

  private change(change: RankingChanged): void {
    const copy = this.copies.get(change.boardId);
    // Frozen, waiting for a whole board, or a change already applied (redelivered).
    if (copy?.status === 'published' || this.broken.has(change.boardId) || (copy && change.version <= copy.version)) return;
    try {
      this.copies.set(change.boardId, { ...applyBoardChange(copy, change), status: 'open' });
    } catch (error) {
      if (!(error instanceof BoardVersionGapError)) throw error;
      this.gaps.push(error.message);
      this.broken.add(change.boardId);
    }
  }

  private whole(updated: RankingUpdated): void {
    const copy = this.copies.get(updated.boardId);
    const taken = boardCopyFrom(updated);
    if (!taken || copy?.status === 'published') return;
    if (copy && !this.broken.has(updated.boardId) && taken.version <= copy.version) return;
    this.copies.set(updated.boardId, { ...taken, status: 'open' });
    this.broken.delete(updated.boardId);
  }
}
