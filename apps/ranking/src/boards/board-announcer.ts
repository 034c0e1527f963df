import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, EventTypes, type CloudEvent } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { DataSource } from 'typeorm';
import { BoardStore } from './board-store';

/**
 * A board is announced at most once per interval: 100 ms, or 0.1 ms per standing for a board of more
 * than 1,000 (every update carries the whole board, so a large one costs its consumers in proportion).
 * Changes are looked for far more often, so one waits little.
 */
const MIN_INTERVAL_MS = 100;
const INTERVAL_MS_PER_STANDING = 0.1;
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
  private timer?: NodeJS.Timeout;
  private running = false;
  private busy?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: BoardStore,
    private readonly events: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.busy;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.busy = this.announceChanged()
        .catch((error: Error) => this.logger.warn(`Announcing board changes failed, retrying: ${error.message}`))
        .finally(() => {
          this.busy = undefined;
          this.schedule();
        });
    }, POLL_MS);
  }

  /** Announces every changed open board not announced within the interval, longest waiting first. */
  async announceChanged(): Promise<void> {
    const due: { board_id: string; announced_size: number }[] = await this.dataSource.query(
      `SELECT board_id, announced_size FROM ranking.boards WHERE changed_since IS NOT NULL
         AND (announced_at IS NULL OR announced_at <= now() - make_interval(secs => greatest($1::float8, announced_size * $2::float8) / 1000.0))
       ORDER BY changed_since`,
      [MIN_INTERVAL_MS, INTERVAL_MS_PER_STANDING],
    );
    let group: string[] = [];
    let standings = 0;
    for (const board of due) {
      if (!this.running) return;
      if (group.length > 0 && (group.length === BOARDS_PER_TRANSACTION || standings + board.announced_size > STANDINGS_PER_TRANSACTION)) {
        await this.announce(group);
        [group, standings] = [[], 0];
      }
      group.push(board.board_id);
      standings += board.announced_size;
    }
    if (group.length > 0 && this.running) await this.announce(group);
  }

  /**
   * Builds the boards without locking their rows (consumers keep marking them changed meanwhile) and
   * clears each mark only if no change arrived since it was read; a change that did is announced next
   * time. Replicas share the work through per-board advisory locks.
   */
  private async announce(boardIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const claimed: { board_id: string; changes: string }[] = await manager.query(
        `SELECT board_id, changes FROM ranking.boards
         WHERE board_id = ANY($1) AND changed_since IS NOT NULL AND pg_try_advisory_xact_lock(hashtext('announce:' || board_id))
         ORDER BY board_id`,
        [boardIds],
      );
      if (claimed.length === 0) return;
      const events: CloudEvent[] = [];
      const sizes = new Map<string, number>();
      for (const { board_id: boardId } of claimed) {
        const board = await this.store.view(manager, boardId);
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
      await this.events.publish(manager, events);
      await manager.query(
        `UPDATE ranking.boards b SET announced_at = clock_timestamp(), announced_size = c.size,
           changed_since = CASE WHEN b.changes = c.changes THEN NULL ELSE b.changed_since END
         FROM unnest($1::text[], $2::bigint[], $3::int[]) AS c(board_id, changes, size) WHERE b.board_id = c.board_id`,
        [claimed.map((c) => c.board_id), claimed.map((c) => c.changes), claimed.map((c) => sizes.get(c.board_id) ?? 0)],
      );
    });
  }
}
