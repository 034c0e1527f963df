import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, Roles } from '@paritrana/platform';
import { DataSource } from 'typeorm';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('secretariat', 'admin')
  @ApiOperation({ summary: 'The delivery log of a published board' })
  @ApiQuery({ name: 'boardId', example: '2024:provincial:15:regency' })
  async list(@Query('boardId') boardId?: string) {
    if (!boardId)
      throw DomainError.invalid('BOARD_ID_REQUIRED', 'Give the board: ?boardId=2024:provincial:15:regency', [
        { path: 'boardId', message: 'is required' },
      ]);
    const deliveries = await this.dataSource.query(
      `SELECT board_id AS "boardId", nomination_id AS "nominationId", recipient, message_id AS "messageId", title, status, attempts,
              last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"
       FROM notification.deliveries WHERE board_id = $1 ORDER BY created_at, nomination_id`,
      [boardId],
    );
    return { boardId, deliveries };
  }
}
