import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@paritrana/platform';
import { DeliveryLogQuery } from './delivery-log.query';
import { DeliveryLogResponse } from './delivery-log.response';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly deliveryLog: DeliveryLogQuery) {}

  @Get()
  @Roles('secretariat', 'admin')
  @ApiOperation({ operationId: 'listDeliveries', summary: 'The delivery log of a published board' })
  @ApiQuery({ name: 'boardId', example: '2024:provincial:15:regency' })
  @ApiOkResponse({ type: DeliveryLogResponse })
  @ApiProblems({ 422: 'No boardId (BOARD_ID_REQUIRED)' })
  list(@Query('boardId') boardId?: string): Promise<DeliveryLogResponse> {
    return this.deliveryLog.list(boardId);
  }
}
