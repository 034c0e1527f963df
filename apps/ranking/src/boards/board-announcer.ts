import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { createEvent, EventTypes, type CloudEvent } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { Poller, Transactions } from '@paritrana/platform';
import { BoardStore, type AnnouncementPacing } from './board-store';
import { BoardViews } from './board-views';

/**
 * A board is announced at most once per interval: 100 ms, or 0.1 ms per standing for a board of more
 * than 1,000 (every update carries the whole board, so a large one costs its consumers in proportion).
 * Changes are looked for far more often, so one waits little; a failed round is retried as often.
 */
const PACING: AnnouncementPacing = { minIntervalMs: 100, msPerStanding: 0.1 };
const POLL_MS = 25;
/**
 * Boards announced in one transaction: one outbox write and one wake-up of the relay for all of them,
 * up to about this many standings, all of which are held in memory until the transaction commits.
 */
const BOARDS_PER_TRANSACTION = 20;
const STANDINGS_PER_TRANSACTION = 10_000;

/**
 * Announces paritrana.ranking.updated.v1 for boards whose standings changed, at most once per
 * interval per board: a burst of score events becomes one update carrying the latest standings.
 */
@Injectable()
export class BoardAnnouncer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BoardAnnouncer.name);
  private readonly poller = new Poller(() => this.announceChanged(), {
    name: BoardAnnouncer.name,
    intervalMs: POLL_MS,
    maxBackoffMs: POLL_MS,
    onError: (error) => this.logger.warn(`Announcing board changes failed, retrying: ${error.message}`),
  });

  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardStore,
    private readonly views: BoardViews,
    private readonly events: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Announces every changed open board not announced within the interval, longest waiting first. */
  async announceChanged(): Promise<void> {
    const due = await this.transactions.read((tx) => this.boards.dueForAnnouncement(tx, PACING));
    let group: string[] = [];
    let standings = 0;
    for (const board of due) {
      if (!this.poller.isRunning) return;
      if (group.length > 0 && (group.length === BOARDS_PER_TRANSACTION || standings + board.announcedSize > STANDINGS_PER_TRANSACTION)) {
        await this.announce(group);
        [group, standings] = [[], 0];
      }
      group.push(board.boardId);
      standings += board.announcedSize;
    }
    if (group.length > 0 && this.poller.isRunning) await this.announce(group);
  }

  /**
   * Builds the boards without locking their rows (consumers keep marking them changed meanwhile) and
   * clears each mark only if no change arrived since it was claimed; a change that did is announced
   * next time.
   */
  private async announce(boardIds: string[]): Promise<void> {
    await this.transactions.run(async (tx) => {
      const claimed = await this.boards.claimChanged(tx, boardIds);
      if (claimed.length === 0) return;
      const events: CloudEvent[] = [];
      const sizes = new Map<string, number>();
      for (const { boardId } of claimed) {
        const board = await this.views.view(tx, boardId);
        if (board?.status !== 'open') continue;
        const { edition, tier, scope, category, standings, ineligible } = board;
        sizes.set(boardId, standings.length + ineligible.length);
        events.push(
          createEvent(
            EventTypes.RankingUpdated,
            boardId,
            { boardId, edition, tier, scope, category, standings, ineligible, updatedAt: new Date().toISOString() },
            { service: 'ranking' },
          ),
        );
      }
      await this.events.publish(tx, events);
      await this.boards.markAnnounced(
        tx,
        claimed.map((c) => ({ ...c, size: sizes.get(c.boardId) ?? 0 })),
      );
    });
  }
}
