import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { CurrentPrincipal, Roles } from '@paritrana/platform';
import { boardCsv } from './board-csv';
import type { BoardView } from './board-views';
import { GetBoardUseCase } from './get-board.use-case';
import { ListBoardsUseCase } from './list-boards.use-case';
import { PublishBoardUseCase } from './publish-board.use-case';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('v1/boards')
export class BoardsController {
  constructor(
    private readonly listBoards: ListBoardsUseCase,
    private readonly getBoard: GetBoardUseCase,
    private readonly publishBoard: PublishBoardUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Boards you may read: your provinces’ provincial boards and every national board' })
  @ApiQuery({ name: 'edition', required: false, example: '2024' })
  @ApiQuery({ name: 'tier', required: false, enum: ['provincial', 'national'] })
  @ApiQuery({ name: 'scope', required: false, example: '15' })
  @ApiQuery({ name: 'category', required: false, example: 'regency' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('edition') edition?: string,
    @Query('tier') tier?: string,
    @Query('scope') scope?: string,
    @Query('category') category?: string,
  ) {
    return this.listBoards.execute({ by: principal, edition, tier, scope, category });
  }

  @Get(':boardId/export')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'A board as CSV: standings, then the ineligible with their reasons' })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiProduces('text/csv')
  async export(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return boardCsv(await this.getBoard.execute({ boardId, by: principal }));
  }

  @Get(':boardId')
  @ApiOperation({ summary: 'A board: `{edition}:{tier}:{scope}:{category}`, e.g. 2024:provincial:15:regency' })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiResponse({ status: 404, description: 'No such board, or not one you may read' })
  get(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal): Promise<BoardView> {
    return this.getBoard.execute({ boardId, by: principal });
  }

  @Post(':boardId/publish')
  @HttpCode(200)
  @Roles('panel-chair', 'secretariat', 'admin')
  @ApiOperation({ summary: 'Publish and freeze a board; announces paritrana.ranking.published.v1 once' })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiResponse({ status: 403, description: 'A board you may read but not publish (another scope’s panel chair)' })
  @ApiResponse({ status: 404, description: 'No such board, or not one you may read' })
  @ApiResponse({ status: 409, description: 'Already published, empty, or some standings still provisional (listed)' })
  publish(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal) {
    return this.publishBoard.execute({ boardId, by: principal });
  }
}
