import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { coversProvince, type Principal } from '@paritrana/contracts';
import { CurrentPrincipal, DomainError, Roles } from '@paritrana/platform';
import { DataSource } from 'typeorm';
import { BoardStore, type BoardView } from './board-store';
import { PublishBoardUseCase } from './publish-board.use-case';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('v1/boards')
export class BoardsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: BoardStore,
    private readonly publishBoard: PublishBoardUseCase,
  ) {}

  @Get(':boardId')
  @ApiOperation({ summary: 'A board: `{edition}:{tier}:{scope}:{category}`, e.g. 2024:provincial:15:regency' })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiResponse({ status: 404, description: 'No such board' })
  async get(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal): Promise<BoardView> {
    const board = await this.store.view(this.dataSource.manager, boardId);
    if (!board) throw DomainError.notFound('BOARD_NOT_FOUND', `No board ${boardId}`);
    if (board.tier === 'provincial' && !coversProvince(principal, board.scope)) {
      throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${board.scope}`);
    }
    return board;
  }

  @Post(':boardId/publish')
  @HttpCode(200)
  @Roles('panel-chair', 'secretariat', 'admin')
  @ApiOperation({ summary: 'Publish and freeze a board; announces paritrana.ranking.published.v1 once' })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiResponse({ status: 409, description: 'Already published, empty, or some standings still provisional (listed)' })
  publish(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal) {
    return this.publishBoard.execute(boardId, principal);
  }
}
