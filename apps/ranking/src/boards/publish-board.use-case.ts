import { Injectable } from '@nestjs/common';
import { canReadBoard, coversProvince, createEvent, EventTypes, type Principal, type RankingPublished } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, boardOutOfScope, DomainError, Transactions } from '@paritrana/platform';
import { BoardStore } from './board-store';
import { BoardViews, type BoardView } from './board-views';

export interface PublishBoardCommand {
  boardId: string;
  by: Principal;
}

/** Freezes a board and announces it, once, when every standing is final. */
@Injectable()
export class PublishBoardUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly boards: BoardStore,
    private readonly views: BoardViews,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async execute({ boardId, by }: PublishBoardCommand): Promise<RankingPublished> {
    return this.transactions.run(async (tx) => {
      const board = await this.views.view(tx, boardId, { lock: true });
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
      await this.boards.publish(tx, published);
      await this.events.publish(tx, [createEvent(EventTypes.RankingPublished, boardId, published, { service: 'ranking' })]);
      await this.audit.record(tx, by, [
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
