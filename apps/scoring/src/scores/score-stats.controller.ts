import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@paritrana/platform';
import { ScoreStatsResponse } from './score-stats.response';
import { ScoreStatsUseCase } from './score-stats.use-case';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('v1/stats')
export class ScoreStatsController {
  constructor(private readonly stats: ScoreStatsUseCase) {}

  @Get('scores')
  @Roles('secretariat', 'admin')
  @ApiOperation({ operationId: 'countScores', summary: 'An edition’s scores counted by tier, province and status' })
  @ApiQuery({ name: 'edition', example: '2024' })
  @ApiOkResponse({ type: ScoreStatsResponse })
  @ApiProblems({ 422: 'No or a malformed edition (STATS_QUERY_INVALID)' })
  count(@Query('edition') edition?: string): Promise<ScoreStatsResponse> {
    return this.stats.execute({ edition });
  }
}
