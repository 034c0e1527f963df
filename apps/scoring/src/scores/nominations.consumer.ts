import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';
import { RescoreUseCase } from './rescore.use-case';
import { ScoringStore } from './scoring-store';

type NominationChanged = CloudEvent<typeof EventTypes.NominationSubmitted> | CloudEvent<typeof EventTypes.NominationAmended>;

/** Keeps scoring's copy of each nomination's indicators and re-scores when they change. */
@Injectable()
export class NominationsConsumer {
  constructor(
    private readonly store: ScoringStore,
    private readonly rescore: RescoreUseCase,
  ) {}

  @OnEvent(EventTypes.NominationSubmitted)
  onSubmitted(event: CloudEvent<typeof EventTypes.NominationSubmitted>, manager: EntityManager): Promise<void> {
    return this.onChanged(event, manager);
  }

  @OnEvent(EventTypes.NominationAmended)
  onAmended(event: CloudEvent<typeof EventTypes.NominationAmended>, manager: EntityManager): Promise<void> {
    return this.onChanged(event, manager);
  }

  @OnEvent(EventTypes.NominationWithdrawn)
  async onWithdrawn(event: CloudEvent<typeof EventTypes.NominationWithdrawn>, manager: EntityManager): Promise<void> {
    await this.store.withdraw(manager, event.data.nominationId, event.data.withdrawnAt);
    const nomination = await this.store.nomination(manager, event.data.nominationId);
    // Under normalisation the withdrawn nomination's assessments leave the pool, which moves the others.
    if (nomination) await this.rescore.rescore(manager, nomination, event);
  }

  private async onChanged(event: NominationChanged, manager: EntityManager): Promise<void> {
    const { nominationId, edition, tier, province, category, nominee, indicators } = event.data;
    await this.store.edition(manager, edition);
    await this.store.upsertNomination(manager, { nominationId, edition, tier, province, category, nominee, indicators });
    await this.rescore.rescore(manager, (await this.store.nomination(manager, nominationId, true))!, event);
  }
}
