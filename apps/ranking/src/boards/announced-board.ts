import {
  diffAmong,
  diffBoard,
  findCategory,
  type BoardDiff,
  type BoardKey,
  type BoardLists,
  type EditionDefinition,
  type IneligibleEntry,
  type Standing,
} from '@paritrana/contracts';
import { RankedList } from './ranked-list';
import { byNominationId, ineligibleOf, standingOf, type Entry } from './standings';

/** What orders a board and titles its first ranks, from its edition's category. */
export interface Rubric {
  tieBreak: string[];
  winners: number;
}

export function rubricOf(edition: EditionDefinition, key: Pick<BoardKey, 'tier' | 'category'>): Rubric {
  const category = findCategory(edition, key.category);
  return { tieBreak: category?.rubrics[key.tier]?.tieBreak ?? [], winners: category?.winners ?? 0 };
}

/** What a board held in memory reads of its nominations, in the announcement's transaction. */
export interface BoardReader {
  /** The entries of these nominations standing on the board now. */
  entries(nominationIds: string[]): Promise<Entry[]>;
  /** What these nominations were last announced as, for those announced on the board. */
  announced(nominationIds: string[]): Promise<ReadonlyMap<string, string>>;
}

const sameRubric = (a: Rubric, b: Rubric) =>
  a.winners === b.winners && a.tieBreak.length === b.tieBreak.length && a.tieBreak.every((code, i) => code === b.tieBreak[i]);

/**
 * An open board as ranking last announced it, kept in memory between announcements so that the next change is found
 * from the nominations that changed alone, whatever the board's size: what orders its eligible entries, in rank order,
 * and which are ineligible. Nominees, reasons and what each nomination was announced as are read for the few
 * nominations a change may show (`candidates`).
 */
export class AnnouncedBoard {
  private readonly eligible: RankedList;
  private readonly ineligible = new Set<string>();

  private constructor(
    /** Its last `ranking.changed`. */
    public version: number,
    readonly rubric: Rubric,
    entries: Entry[],
  ) {
    const eligible: Entry[] = [];
    for (const entry of entries) {
      if (entry.status === 'ineligible') this.ineligible.add(entry.nominationId);
      else eligible.push(entry);
    }
    this.eligible = new RankedList(rubric.tieBreak, eligible);
  }

  /**
   * The board ranked whole from its entries, its lists, and the change from what was last announced of it (`announced`
   * fingerprints, at `version`) to the board now.
   */
  static rank(
    version: number,
    rubric: Rubric,
    entries: Entry[],
    announced: ReadonlyMap<string, string>,
  ): { board: AnnouncedBoard; lists: BoardLists; diff: BoardDiff | undefined } {
    const board = new AnnouncedBoard(version, rubric, entries);
    const lists = board.listsOf(entries);
    return { board, lists, diff: diffBoard(announced, lists) };
  }

  /** Whether the board can go on from this copy: ranked by the same rubric, and nothing announced since by another. */
  fits(version: number, rubric: Rubric): boolean {
    return this.version === version && sameRubric(this.rubric, rubric);
  }

  get size(): number {
    return this.eligible.length + this.ineligible.size;
  }

  private get counts(): BoardDiff['counts'] {
    return { standings: this.eligible.length, ineligible: this.ineligible.size };
  }

  /**
   * Applies the change of the noted nominations and returns it, reading their entries and the titled ones and, for
   * the candidates alone, any other entry shown (one that took a title) and what they were announced as; null when a titled entry it must show has gone meanwhile (its
   * change noted but not taken yet): the board must then be ranked whole.
   */
  async change(noted: string[], read: BoardReader): Promise<BoardDiff | undefined | null> {
    // The titled entries are candidates whatever the change: read with the noted ones, in the same round trip.
    const changed = new Set(noted);
    const titled = this.eligible.firstIds(this.rubric.winners).filter((id) => !changed.has(id));
    const fetched = await read.entries([...changed, ...titled]);
    const candidates = this.apply(
      noted,
      fetched.filter((entry) => changed.has(entry.nominationId)),
    );
    const shown = new Map(fetched.map((entry) => [entry.nominationId, entry]));
    const unread = [...candidates].filter((id) => !shown.has(id) && this.eligible.has(id));
    if (unread.length > 0) for (const entry of await read.entries(unread)) shown.set(entry.nominationId, entry);
    if (unread.some((id) => !shown.has(id))) return null;
    return diffAmong(await read.announced([...candidates]), this.listsOf([...shown.values()]), candidates, this.counts);
  }

  /**
   * Applies what became of the `changed` nominations (`current`: those of them standing on the board now; the others
   * left it) and names the candidates of the change: the changed nominations and those that hold a title before or after
   * (only those can differ in more than their rank).
   */
  private apply(changed: Iterable<string>, current: Entry[]): Set<string> {
    const winners = this.rubric.winners;
    const ids = new Set(changed);
    for (const entry of current) ids.add(entry.nominationId);
    const titled = this.eligible.firstIds(winners);
    for (const id of ids) this.ineligible.delete(id);
    const eligible: Entry[] = [];
    for (const entry of current) {
      if (entry.status === 'ineligible') this.ineligible.add(entry.nominationId);
      else eligible.push(entry);
    }
    this.eligible.replace(ids, eligible);
    return new Set([...ids, ...titled, ...this.eligible.firstIds(winners)]);
  }

  /**
   * The whole lists as held, in one pass over the held order, given every entry standing on the board (for nominees and
   * reasons); undefined when the entries are not the ones held (one came, left or became ineligible since), for the
   * board to be ranked from them instead.
   */
  wholeLists(entries: Entry[]): BoardLists | undefined {
    if (entries.length !== this.size) return undefined;
    const byId = new Map(entries.map((entry) => [entry.nominationId, entry]));
    const standings: Standing[] = [];
    for (let index = 0; index < this.eligible.length; index++) {
      const held = this.eligible.at(index);
      const entry = byId.get(held.nominationId);
      if (!entry || entry.status === 'ineligible') return undefined;
      standings.push(standingOf(held, entry.nominee, index + 1, this.rubric.winners));
    }
    const ineligible: IneligibleEntry[] = [];
    for (const nominationId of this.ineligible) {
      const entry = byId.get(nominationId);
      if (entry?.status !== 'ineligible') return undefined;
      ineligible.push(ineligibleOf(entry));
    }
    return { standings, ineligible: ineligible.sort(byNominationId) };
  }

  /**
   * The lists as far as these entries of the board show them, ranked as the board now stands: each eligible entry
   * ordered as held (`entries` give its nominee, and the reasons of an ineligible one).
   */
  private listsOf(entries: Entry[]): BoardLists {
    const standings: Standing[] = [];
    const ineligible: IneligibleEntry[] = [];
    for (const entry of entries) {
      const index = this.eligible.indexOf(entry.nominationId);
      if (index >= 0) standings.push(standingOf(this.eligible.at(index), entry.nominee, index + 1, this.rubric.winners));
      else if (this.ineligible.has(entry.nominationId)) ineligible.push(ineligibleOf(entry));
    }
    standings.sort((a, b) => a.rank - b.rank);
    ineligible.sort(byNominationId);
    return { standings, ineligible };
  }
}

/**
 * The boards held in memory, at most about `capacity` entries in all. Room is made by dropping boards not announced for
 * `idleMs`, the one used longest ago first; when that is not enough the board that does not fit is not held (it is
 * ranked whole at its next announcement). Dropping busy boards in turn to hold others, when more boards change at once
 * than fit, would leave none of them held when next announced.
 */
export class AnnouncedBoards {
  private readonly boards = new Map<string, { board: AnnouncedBoard; usedAt: number }>();
  private entries = 0;

  constructor(
    private readonly capacity: number,
    private readonly idleMs: number,
  ) {}

  /** Takes the board out: it is put back, as it then stands, once its announcement is committed. */
  take(boardId: string): AnnouncedBoard | undefined {
    const held = this.boards.get(boardId);
    if (held) {
      this.boards.delete(boardId);
      this.entries -= held.board.size;
    }
    return held?.board;
  }

  put(boardId: string, board: AnnouncedBoard, now = Date.now()): void {
    this.take(boardId);
    for (const [id, held] of this.boards) {
      if (this.entries + board.size <= this.capacity || held.usedAt > now - this.idleMs) break;
      this.take(id);
    }
    if (this.entries + board.size > this.capacity) return;
    this.boards.set(boardId, { board, usedAt: now });
    this.entries += board.size;
  }

  has(boardId: string): boolean {
    return this.boards.has(boardId);
  }
}
