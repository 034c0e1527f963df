import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@paritrana/platform';
import { DeliveryLogQuery } from './delivery-log.query';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly deliveryLog: DeliveryLogQuery) {}

  @Get()
  @Roles('secretariat', 'admin')
  @ApiOperation({ summary: 'The delivery log of a published board' })
  @ApiQuery({ name: 'boardId', example: '2024:provincial:15:regency' })
  list(@Query('boardId') boardId?: string) {
    return this.deliveryLog.list(boardId);
  }
}
