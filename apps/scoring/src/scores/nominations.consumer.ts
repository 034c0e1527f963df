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
    await this.store.withdraw(manager, event.data, event.data.withdrawnAt);
    const nomination = (await this.store.nomination(manager, event.data.nominationId))!;
    // Under normalisation the withdrawn nomination's assessments leave the pool, which moves the others.
    if (nomination.version > 0) await this.rescore.rescore(manager, nomination, event);
  }

  /** A stale version (an amendment overtaken by a newer one, a submission after its amendment) changes nothing. */
  private async onChanged(event: NominationChanged, manager: EntityManager): Promise<void> {
    const { nominationId, edition, tier, province, category, nominee, indicators } = event.data;
    const version = 'version' in event.data ? event.data.version : 1;
    await this.store.edition(manager, edition);
    if (!(await this.store.upsertNomination(manager, { nominationId, edition, tier, province, category, nominee, indicators, version })))
      return;
    await this.rescore.rescore(manager, (await this.store.nomination(manager, nominationId, true))!, event);
  }
}
