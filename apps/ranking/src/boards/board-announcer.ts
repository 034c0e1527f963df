import { setImmediate } from 'node:timers/promises';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { createEvent, EventTypes, parseBoardId, type BoardDiff, type BoardLists, type CloudEvent } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { Poller, Transactions, type Tx } from '@paritrana/platform';
import { EditionStore } from '../editions/edition-store';
import { EntryStore } from '../entries/entry-store';
import { AnnouncedBoard, AnnouncedBoards, rubricOf } from './announced-board';
import { ANNOUNCEMENT_SETTINGS, type AnnouncementSettings } from './announcement-settings';
import { BoardStore, type Announced, type ClaimedBoard, type DueBoard } from './board-store';
import { rankEntries } from './standings';
import { WholeBoardBudget } from './whole-board-budget';

/**
 * A board's changes are announced as soon as the transaction that noted them commits (the store tells; every 100 ms
 * otherwise, for the boards due by time). A board held in memory is announced from the
 * nominations that changed alone; one that is not (after a restart, or beyond RANKING_BOARD_MEMORY_ENTRIES) is ranked
 * whole, no more often than 0.05 ms per standing (8,000 standings: 0.4 s). Its whole board goes out at most once per
 * RANKING_WHOLE_BOARD_SECONDS, and only as the budget of whole standings a second allows (WholeBoardBudget): due changes
 * are announced first, and whole boards alone only while no change waits. A failed round is retried after 50 ms, then twice as long each time up to a second (a
 * database restart is retried once a second, not 40 times).
 */
const POLL_MS = 100;
const FAILED_ROUND_MAX_BACKOFF_MS = 1_000;
const MS_PER_STANDING_RANKED_WHOLE = 0.05;
/**
 * Boards announced in one transaction: one outbox write and one wake-up of the relay for all of them,
 * up to about this many standings ranked whole or sent whole, all of which are held in memory until the transaction commits.
 */
const BOARDS_PER_TRANSACTION = 20;
const STANDINGS_PER_TRANSACTION = 10_000;
/**
 * Whole boards announced alone go in transactions of about this many standings (a larger board alone): a change noted
 * meanwhile waits for the one in hand, and 10,000 standings of whole boards held one back for over 300 ms
 * (bench/HISTORY.md, row 26e).
 */
const WHOLE_STANDINGS_PER_TRANSACTION = 2_000;
/** Whole boards may go out at once up to this many seconds of their budget (1,000 a second: 10,000 standings). */
const WHOLE_BOARD_BURST_SECONDS = 10;
/** A board held in memory and not announced for this long gives its room to another that does not fit. */
const HELD_BOARD_IDLE_MS = 10_000;

/**
 * Announces what changed on each open board as paritrana.ranking.changed.v1 (a burst of score events becomes one
 * change), and the whole board as paritrana.ranking.updated.v1 at a bounded rate.
 */
@Injectable()
export class BoardAnnouncer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BoardAnnouncer.name);
  private readonly wholeBoardIntervalMs: number;
  private readonly held: AnnouncedBoards;
  private readonly wholeBudget: WholeBoardBudget;
  /** Boards whose whole board waited for their change to go out first: it goes along with their next change if it must. */
  private readonly wholeWaited = new Set<string>();
  /** A change was noted since the current round read what is due. */
  private changesWaiting = false;
  private readonly poller = new Poller(() => this.announceDue(), {
    name: BoardAnnouncer.name,
    intervalMs: POLL_MS,
    maxBackoffMs: FAILED_ROUND_MAX_BACKOFF_MS,
    onError: (error, failures) => this.logger.warn(`Announcing board changes failed (attempt ${failures}), retrying: ${error.message}`),
  });

  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardStore,
    private readonly editions: EditionStore,
    private readonly entries: EntryStore,
    private readonly events: EventPublisher,
    @Inject(ANNOUNCEMENT_SETTINGS) settings: AnnouncementSettings,
  ) {
    this.wholeBoardIntervalMs = settings.wholeBoardSeconds * 1000;
    this.held = new AnnouncedBoards(settings.boardMemoryEntries, HELD_BOARD_IDLE_MS);
    this.wholeBudget = new WholeBoardBudget(
      settings.wholeBoardStandingsPerSecond,
      settings.wholeBoardStandingsPerSecond * WHOLE_BOARD_BURST_SECONDS,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.poller.start(POLL_MS);
    await this.boards.watchChanges(() => {
      this.changesWaiting = true;
      this.poller.wake();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /**
   * Announces every board owing an announcement past its interval: the changed ones first, longest waiting first, then
   * those owing their whole board alone (a changed board's whole board first: it waited for its change to go out), as
   * the budget allows and until a change is noted (the next round takes it).
   */
  async announceDue(): Promise<void> {
    this.changesWaiting = false;
    const due = (await this.transactions.read((tx) => this.boards.dueForAnnouncement(tx, this.wholeBoardIntervalMs))).filter((board) =>
      this.isDue(board),
    );
    const owed = await this.announceInGroups(due.filter((b) => b.changed));
    await this.announceInGroups([...owed, ...due.filter((b) => !b.changed)], { wholeAlone: true });
  }

  /**
   * Announces the boards in groups of one transaction each; returns those whose whole board waited. `wholeAlone`: the
   * boards are announced for their whole board, only while the budget allows and no change waits.
   */
  private async announceInGroups(boards: DueBoard[], { wholeAlone = false } = {}): Promise<DueBoard[]> {
    const owed: DueBoard[] = [];
    let group: DueBoard[] = [];
    let standings = 0;
    const standingsAtMost = wholeAlone ? WHOLE_STANDINGS_PER_TRANSACTION : STANDINGS_PER_TRANSACTION;
    for (const board of boards) {
      if (!this.poller.isRunning) return owed;
      if (wholeAlone && (this.changesWaiting || !this.wholeBudget.allows(board.announcedSize))) break;
      const ranked = (this.held.has(board.boardId) ? 0 : board.announcedSize) + (board.wholeDue ? board.announcedSize : 0);
      if (group.length > 0 && (group.length === BOARDS_PER_TRANSACTION || standings + ranked > standingsAtMost)) {
        owed.push(...(await this.announce(group)));
        [group, standings] = [[], 0];
      }
      group.push(board);
      standings += ranked;
    }
    if (group.length > 0 && this.poller.isRunning) owed.push(...(await this.announce(group)));
    return owed;
  }

  /** A whole board owed is due at once, and so are changes to a board held in memory; a board ranked whole waits its turn. */
  private isDue({ boardId, changed, announcedSize, sinceAnnouncedMs }: DueBoard): boolean {
    return (
      !changed || this.held.has(boardId) || sinceAnnouncedMs === null || sinceAnnouncedMs >= announcedSize * MS_PER_STANDING_RANKED_WHOLE
    );
  }

  /**
   * Claims the boards with their noted changes (a change noted meanwhile stays for the next time) and announces what they
   * did. The boards held in memory are put back once the announcement is committed. A board's whole board owed with a
   * change waits for the next transaction, once (`wholeWaited`), so that the change goes out without waiting for it to
   * be built, stored and sent; the boards whose whole board waited are returned.
   */
  private async announce(group: DueBoard[]): Promise<DueBoard[]> {
    const boards = new Map<string, AnnouncedBoard>();
    const [waiting, done] = [new Set<string>(), new Set<string>()];
    await this.transactions.run(async (tx) => {
      boards.clear();
      waiting.clear();
      done.clear();
      const claimed = await this.boards.claim(
        tx,
        group.map((b) => b.boardId),
        this.wholeBoardIntervalMs,
      );
      if (claimed.length === 0) return;
      const events: CloudEvent[] = [];
      const announced: Announced[] = [];
      // Each edition read once for all its boards in the group.
      const editions = new Map<string, ReturnType<EditionStore['get']>>();
      const editionOf = (edition: string) => editions.get(edition) ?? editions.set(edition, this.editions.get(tx, edition)).get(edition)!;
      for (const board of claimed) {
        const { boardId } = board;
        // A board published meanwhile is no longer announced nor held.
        if (!board.open) {
          this.held.take(boardId);
          done.add(boardId);
        }
        const current = board.open ? await this.current(tx, board, editionOf) : undefined;
        let { version, wholeVersion } = board;
        if (current) {
          const { edition, tier, scope, category } = parseBoardId(boardId)!;
          const at = new Date().toISOString();
          if (current.diff) {
            version += 1;
            const { keep, forget, ...change } = current.diff;
            await this.boards.recordAnnounced(tx, boardId, keep, forget);
            events.push(
              createEvent(
                EventTypes.RankingChanged,
                boardId,
                { boardId, edition, tier, scope, category, version, ...change, changedAt: at },
                { service: 'ranking' },
              ),
            );
          }
          const wholeOwed = board.wholeDue && version > wholeVersion;
          if (wholeOwed && current.diff && !this.wholeWaited.has(boardId)) waiting.add(boardId);
          else if (wholeOwed && this.wholeBudget.take(current.board.size)) {
            wholeVersion = version;
            done.add(boardId);
            const { standings, ineligible } = current.lists ?? (await this.wholeLists(tx, boardId, current.board));
            events.push(
              createEvent(
                EventTypes.RankingUpdated,
                boardId,
                { boardId, edition, tier, scope, category, standings, ineligible, version, updatedAt: at },
                { service: 'ranking' },
              ),
            );
          }
          current.board.version = version;
          boards.set(boardId, current.board);
        }
        announced.push({ boardId, size: current?.board.size ?? 0, version, wholeVersion });
      }
      await this.events.publish(tx, events);
      await this.boards.markAnnounced(tx, announced);
    });
    for (const [boardId, board] of boards) this.held.put(boardId, board);
    for (const boardId of done) this.wholeWaited.delete(boardId);
    for (const boardId of waiting) this.wholeWaited.add(boardId);
    return group.filter((b) => waiting.has(b.boardId));
  }

  /**
   * The board now and what changed on it since its last announcement: from the board held in memory and the noted
   * nominations when it was announced last from here under the same rubric, else ranked whole (with its lists).
   */
  private async current(
    tx: Tx,
    claimed: ClaimedBoard,
    editionOf: (edition: string) => ReturnType<EditionStore['get']>,
  ): Promise<{ board: AnnouncedBoard; diff: BoardDiff | undefined; lists?: BoardLists } | undefined> {
    const key = parseBoardId(claimed.boardId);
    if (!key) return undefined;
    const rubric = rubricOf(await editionOf(key.edition), key);
    const held = this.held.take(claimed.boardId);
    if (held?.fits(claimed.version, rubric)) {
      const diff =
        claimed.noted.length > 0
          ? await held.change(claimed.noted, {
              entries: (ids) => this.entries.standingAmong(tx, claimed.boardId, ids),
              announced: (ids) => this.boards.announcedEntries(tx, claimed.boardId, ids),
            })
          : undefined;
      if (diff !== null) return { board: held, diff };
    }
    const entries = await this.entries.standingOn(tx, claimed.boardId);
    return AnnouncedBoard.rank(claimed.version, rubric, entries, await this.boards.announcedEntries(tx, claimed.boardId));
  }

  /**
   * A board's whole lists: as held (the order its changes announced), or ranked from its entries when they moved on since
   * the claim. The event loop gets a turn after, before the lists are published, so that the relay sending the changes
   * just committed is not held up by a large board.
   */
  private async wholeLists(tx: Tx, boardId: string, board: AnnouncedBoard): Promise<BoardLists> {
    const entries = await this.entries.standingOn(tx, boardId);
    const lists = board.wholeLists(entries) ?? rankEntries(entries, board.rubric.tieBreak, board.rubric.winners);
    await setImmediate();
    return lists;
  }
}
