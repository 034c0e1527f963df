import { Injectable } from '@nestjs/common';
import { DomainError } from '@paritrana/platform';
import { DeliveryStore, type DeliveryLogEntry } from './delivery-store';

@Injectable()
export class DeliveryLogQuery {
  constructor(private readonly deliveries: DeliveryStore) {}

  async list(boardId: string | undefined): Promise<{ boardId: string; deliveries: DeliveryLogEntry[] }> {
    if (!boardId)
      throw DomainError.invalid('BOARD_ID_REQUIRED', 'Give the board: ?boardId=2024:provincial:15:regency', [
        { path: 'boardId', message: 'is required' },
      ]);
    return { boardId, deliveries: await this.deliveries.byBoard(boardId) };
  }
}
