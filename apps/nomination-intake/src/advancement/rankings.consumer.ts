import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';
import { AdvanceWinnersUseCase } from './advance-winners.use-case';

@Injectable()
export class RankingsConsumer {
  constructor(private readonly advanceWinners: AdvanceWinnersUseCase) {}

  @OnEvent(EventTypes.RankingPublished)
  onPublished(event: CloudEvent<typeof EventTypes.RankingPublished>, manager: EntityManager): Promise<void> {
    return this.advanceWinners.execute(event, manager);
  }
}
