import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@paritrana/platform';
import { DeliveryStatsResponse } from './delivery-stats.response';
import { DeliveryStatsUseCase } from './delivery-stats.use-case';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('v1/stats')
export class DeliveryStatsController {
  constructor(private readonly stats: DeliveryStatsUseCase) {}

  @Get('deliveries')
  @Roles('secretariat', 'admin')
  @ApiOperation({ operationId: 'countDeliveries', summary: 'An edition’s congratulation emails counted by tier, province and status' })
  @ApiQuery({ name: 'edition', example: '2024' })
  @ApiOkResponse({ type: DeliveryStatsResponse })
  @ApiProblems({ 422: 'No or a malformed edition (STATS_QUERY_INVALID)' })
  count(@Query('edition') edition?: string): Promise<DeliveryStatsResponse> {
    return this.stats.execute({ edition });
  }
}
