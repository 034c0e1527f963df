import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, EventTypes } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { DataSource } from 'typeorm';
import { BoardStore } from './board-store';

/** A board is announced at most once per interval; changes are looked for far more often, so one waits little. */
const INTERVAL_MS = 250;
const POLL_MS = 25;

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
    const due: { board_id: string }[] = await this.dataSource.query(
      `SELECT board_id FROM ranking.boards WHERE changed_since IS NOT NULL
         AND (announced_at IS NULL OR announced_at <= now() - make_interval(secs => $1 / 1000.0))
       ORDER BY changed_since`,
      [INTERVAL_MS],
    );
    for (const { board_id: boardId } of due) {
      if (!this.running) return;
      await this.announce(boardId);
    }
  }

  /**
   * Builds the board without locking its row (consumers keep marking it changed meanwhile) and clears
   * its mark only if no change arrived since it was read; a change that did is announced next time.
   * Replicas share the work through a per-board advisory lock.
   */
  private async announce(boardId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [claimed]: { changes: string }[] = await manager.query(
        `SELECT changes FROM ranking.boards WHERE board_id = $1 AND changed_since IS NOT NULL AND pg_try_advisory_xact_lock(hashtext('announce:' || $1))`,
        [boardId],
      );
      if (!claimed) return;
      const board = await this.store.view(manager, boardId);
      if (board?.status === 'open') {
        const { edition, tier, scope, category, standings, ineligible } = board;
        await this.events.publish(manager, [
          createEvent(
            EventTypes.RankingUpdated,
            boardId,
            { boardId, edition, tier, scope, category, standings, ineligible, updatedAt: new Date().toISOString() },
            { service: 'ranking' },
          ),
        ]);
      }
      await manager.query(
        `UPDATE ranking.boards SET announced_at = clock_timestamp(), changed_since = CASE WHEN changes = $2 THEN NULL ELSE changed_since END WHERE board_id = $1`,
        [boardId, claimed.changes],
      );
    });
  }
}
