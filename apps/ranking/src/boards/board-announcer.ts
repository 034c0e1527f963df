import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, EventTypes, type CloudEvent } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { DataSource } from 'typeorm';
import { BoardStore } from './board-store';

const INTERVAL_MS = 250;

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
    }, INTERVAL_MS);
  }

  /** Announces every changed open board, in batches claimed with SKIP LOCKED so replicas share the work. */
  async announceChanged(): Promise<void> {
    for (;;) {
      const announced = await this.dataSource.transaction(async (manager) => {
        const changed: { board_id: string }[] = await manager.query(
          `SELECT board_id FROM ranking.boards WHERE changed_since IS NOT NULL ORDER BY changed_since LIMIT 50 FOR UPDATE SKIP LOCKED`,
        );
        const events: CloudEvent[] = [];
        for (const { board_id: boardId } of changed) {
          const board = await this.store.view(manager, boardId);
          if (!board || board.status !== 'open') continue;
          const { edition, tier, scope, category, standings, ineligible } = board;
          events.push(
            createEvent(
              EventTypes.RankingUpdated,
              boardId,
              { boardId, edition, tier, scope, category, standings, ineligible, updatedAt: new Date().toISOString() },
              { service: 'ranking' },
            ),
          );
        }
        if (changed.length > 0) {
          await manager.query('UPDATE ranking.boards SET changed_since = NULL WHERE board_id = ANY($1)', [changed.map((c) => c.board_id)]);
        }
        await this.events.publish(manager, events);
        return changed.length;
      });
      if (announced < 50 || !this.running) return;
    }
  }
}
