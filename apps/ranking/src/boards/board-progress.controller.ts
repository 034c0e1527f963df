import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@paritrana/platform';
import { BoardProgressListResponse } from './board-progress.response';
import { BoardProgressUseCase } from './board-progress.use-case';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('v1/stats')
export class BoardProgressController {
  constructor(private readonly progress: BoardProgressUseCase) {}

  @Get('boards')
  @Roles('secretariat', 'admin')
  @ApiOperation({
    operationId: 'listBoardProgress',
    summary: 'Every board of an edition with its status and its standing nominations counted by score status',
  })
  @ApiQuery({ name: 'edition', example: '2024' })
  @ApiOkResponse({ type: BoardProgressListResponse })
  @ApiProblems({ 422: 'No or a malformed edition (STATS_QUERY_INVALID)' })
  list(@Query('edition') edition?: string): Promise<BoardProgressListResponse> {
    return this.progress.execute({ edition });
  }
}
