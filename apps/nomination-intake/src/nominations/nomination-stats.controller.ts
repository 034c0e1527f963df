import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@paritrana/contracts';
import { ApiProblems, CurrentPrincipal } from '@paritrana/platform';
import { NominationStatsResponse } from './nomination-stats.response';
import { NominationStatsUseCase } from './nomination-stats.use-case';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('v1/stats')
export class NominationStatsController {
  constructor(private readonly stats: NominationStatsUseCase) {}

  @Get('nominations')
  @ApiOperation({
    operationId: 'countNominations',
    summary: 'An edition’s nominations counted by tier, province, category and status, within the token’s scope',
  })
  @ApiQuery({ name: 'edition', example: '2024' })
  @ApiOkResponse({ type: NominationStatsResponse })
  @ApiProblems({ 422: 'No or a malformed edition (STATS_QUERY_INVALID)' })
  count(@Query('edition') edition: string | undefined, @CurrentPrincipal() reader: Principal): Promise<NominationStatsResponse> {
    return this.stats.execute({ edition }, reader);
  }
}
