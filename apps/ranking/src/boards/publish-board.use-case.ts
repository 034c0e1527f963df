import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadBoard, coversProvince, createEvent, EventTypes, type Principal, type RankingPublished } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, boardOutOfScope, DomainError } from '@paritrana/platform';
import { DataSource } from 'typeorm';
import { BoardStore, type BoardView } from './board-store';

/** Freezes a board and announces it, once, when every standing is final. */
@Injectable()
export class PublishBoardUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: BoardStore,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async execute(boardId: string, by: Principal): Promise<RankingPublished> {
    return this.dataSource.transaction(async (manager) => {
      const board = await this.store.view(manager, boardId, true);
      if (!board) throw DomainError.notFound('BOARD_NOT_FOUND', `No board ${boardId}`);
      if (!canReadBoard(by, board)) throw boardOutOfScope(boardId);
      assertMayPublish(board, by);
      if (board.status === 'published')
        throw DomainError.conflict('BOARD_ALREADY_PUBLISHED', `Board ${boardId} was published at ${board.publishedAt}`);
      const provisional = board.standings
        .filter((s) => s.status !== 'final')
        .map((s) => ({ nominationId: s.nominationId, name: s.nominee.name }));
      if (provisional.length > 0) {
        throw DomainError.conflict(
          'BOARD_HAS_PROVISIONAL_SCORES',
          `${provisional.length} standing(s) are still provisional; complete their assessments first`,
          { provisional },
        );
      }
      if (board.standings.length === 0) throw DomainError.conflict('BOARD_EMPTY', `Board ${boardId} has no ranked nominations to publish`);
      const { edition, tier, scope, category, standings, ineligible } = board;
      const published: RankingPublished = {
        boardId,
        edition,
        tier,
        scope,
        category,
        standings,
        ineligible,
        publishedAt: new Date().toISOString(),
        publishedBy: by.sub,
      };
      await manager.query(
        `UPDATE ranking.boards SET status = 'published', published = $2, published_at = $3, published_by = $4, changed_since = NULL WHERE board_id = $1`,
        [boardId, published, published.publishedAt, by.sub],
      );
      await this.events.publish(manager, [createEvent(EventTypes.RankingPublished, boardId, published, { service: 'ranking' })]);
      await this.audit.record(manager, by, [
        {
          action: 'board.published',
          ...(tier === 'provincial' ? { province: scope } : {}),
          details: { boardId, winners: standings.filter((s) => s.title).map((s) => s.nominationId), standings: standings.length },
        },
      ]);
      return published;
    });
  }
}

function assertMayPublish(board: BoardView, by: Principal): void {
  if (by.role === 'secretariat' || by.role === 'admin') return;
  const chairOfScope =
    by.role === 'panel-chair' && (board.tier === 'provincial' ? coversProvince(by, board.scope) : (by.provinces ?? []).length === 0);
  if (!chairOfScope)
    throw DomainError.forbidden(
      'BOARD_OUT_OF_SCOPE',
      `Only the panel chair of ${board.scope} or the secretariat may publish ${board.boardId}`,
    );
}
