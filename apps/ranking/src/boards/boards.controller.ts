import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ApiCsvResponse, ApiProblems, CurrentPrincipal, Roles } from '@paritrana/platform';
import { boardCsv } from './board-csv';
import { BoardListResponse, BoardResponse, PublishConflictResponse, PublishedBoardResponse } from './board.response';
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
  @ApiOperation({
    operationId: 'listBoards',
    summary: 'Boards you may read: your provinces’ provincial boards and every national board',
  })
  @ApiQuery({ name: 'edition', required: false, example: '2024' })
  @ApiQuery({ name: 'tier', required: false, enum: ['provincial', 'national'] })
  @ApiQuery({ name: 'scope', required: false, example: '15' })
  @ApiQuery({ name: 'category', required: false, example: 'regency' })
  @ApiOkResponse({ type: BoardListResponse })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('edition') edition?: string,
    @Query('tier') tier?: string,
    @Query('scope') scope?: string,
    @Query('category') category?: string,
  ): Promise<BoardListResponse> {
    return this.listBoards.execute({ by: principal, edition, tier, scope, category });
  }

  @Get(':boardId/export')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ operationId: 'exportBoard', summary: 'A board as CSV: standings, then the ineligible with their reasons' })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiCsvResponse('The standings best first, then the ineligible nominations with their reasons')
  @ApiProblems({
    403: 'A board outside the token’s scope (BOARD_OUT_OF_SCOPE)',
    404: 'No such board (BOARD_NOT_FOUND)',
  })
  async export(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return boardCsv(await this.getBoard.execute({ boardId, by: principal }));
  }

  @Get(':boardId')
  @ApiOperation({ operationId: 'getBoard', summary: 'A board: `{edition}:{tier}:{scope}:{category}`, e.g. 2024:provincial:15:regency' })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiOkResponse({ type: BoardResponse, description: 'As it stands now; once published, as it was published' })
  @ApiProblems({
    403: 'A board outside the token’s scope (BOARD_OUT_OF_SCOPE)',
    404: 'No such board (BOARD_NOT_FOUND)',
  })
  get(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal): Promise<BoardResponse> {
    return this.getBoard.execute({ boardId, by: principal });
  }

  @Post(':boardId/publish')
  @HttpCode(200)
  @Roles('panel-chair', 'secretariat', 'admin')
  @ApiOperation({
    operationId: 'publishBoard',
    summary: 'Publish and freeze a board; announces paritrana.ranking.published.v1 once',
  })
  @ApiParam({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiOkResponse({ type: PublishedBoardResponse, description: 'Published and frozen; the winners are emailed' })
  @ApiProblems({
    403: 'A board outside the token’s scope, or one you may read but not publish (another scope’s panel chair)',
    404: 'No such board (BOARD_NOT_FOUND)',
  })
  @ApiResponse({
    status: 409,
    type: PublishConflictResponse,
    description:
      'Already published (BOARD_ALREADY_PUBLISHED), empty (BOARD_EMPTY), or some standings still provisional (BOARD_HAS_PROVISIONAL_SCORES, listed)',
  })
  publish(@Param('boardId') boardId: string, @CurrentPrincipal() principal: Principal): Promise<PublishedBoardResponse> {
    return this.publishBoard.execute({ boardId, by: principal });
  }
}
