import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent, OnEvents } from '@paritrana/messaging';
import type { Tx } from '@paritrana/platform';
import { ScoreNominationsUseCase, type NominationChanged } from './score-nominations.use-case';
import { WithdrawNominationUseCase } from './withdraw-nomination.use-case';

type Submitted = CloudEvent<typeof EventTypes.NominationSubmitted>;
type Amended = CloudEvent<typeof EventTypes.NominationAmended>;

@Injectable()
export class NominationsConsumer {
  constructor(
    private readonly scoreNominations: ScoreNominationsUseCase,
    private readonly withdrawNomination: WithdrawNominationUseCase,
  ) {}

  @OnEvents(EventTypes.NominationSubmitted)
  async onSubmitted(events: Submitted[], tx: Tx): Promise<void> {
    await this.scoreNominations.execute(events.map(changed), tx);
  }

  @OnEvents(EventTypes.NominationAmended)
  async onAmended(events: Amended[], tx: Tx): Promise<void> {
    await this.scoreNominations.execute(events.map(changed), tx);
  }

  @OnEvent(EventTypes.NominationWithdrawn)
  async onWithdrawn(event: CloudEvent<typeof EventTypes.NominationWithdrawn>, tx: Tx): Promise<void> {
    await this.withdrawNomination.execute(event, tx);
  }
}

function changed(event: Submitted | Amended): NominationChanged {
  const { nominationId, edition, tier, province, category, nominee, indicators } = event.data;
  const version = 'version' in event.data ? event.data.version : 1;
  return { nomination: { nominationId, edition, tier, province, category, nominee, indicators, version }, cause: event };
}
