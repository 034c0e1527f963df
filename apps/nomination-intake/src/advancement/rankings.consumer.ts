import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { Tx } from '@paritrana/platform';
import { AdvanceWinnersUseCase } from './advance-winners.use-case';

@Injectable()
export class RankingsConsumer {
  constructor(private readonly advanceWinners: AdvanceWinnersUseCase) {}

  @OnEvent(EventTypes.RankingPublished)
  async onPublished(published: CloudEvent<typeof EventTypes.RankingPublished>, tx: Tx): Promise<void> {
    await this.advanceWinners.execute({ published }, tx);
  }
}
