import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';
import { ScoreNominationUseCase } from './score-nomination.use-case';

@Injectable()
export class NominationsConsumer {
  constructor(private readonly scoreNomination: ScoreNominationUseCase) {}

  @OnEvent(EventTypes.NominationSubmitted)
  onSubmitted(event: CloudEvent<typeof EventTypes.NominationSubmitted>, manager: EntityManager): Promise<void> {
    return this.scoreNomination.execute(event, manager);
  }

  @OnEvent(EventTypes.NominationAmended)
  onAmended(event: CloudEvent<typeof EventTypes.NominationAmended>, manager: EntityManager): Promise<void> {
    return this.scoreNomination.execute(event, manager);
  }
}
