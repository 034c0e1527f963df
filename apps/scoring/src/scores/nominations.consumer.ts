import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent, OnEvents } from '@paritrana/messaging';
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

  @OnEvents(EventTypes.NominationSubmitted)
  onSubmitted(events: CloudEvent<typeof EventTypes.NominationSubmitted>[], manager: EntityManager): Promise<void> {
    return this.onChanged(events, manager);
  }

  @OnEvents(EventTypes.NominationAmended)
  onAmended(events: CloudEvent<typeof EventTypes.NominationAmended>[], manager: EntityManager): Promise<void> {
    return this.onChanged(events, manager);
  }

  @OnEvent(EventTypes.NominationWithdrawn)
  async onWithdrawn(event: CloudEvent<typeof EventTypes.NominationWithdrawn>, manager: EntityManager): Promise<void> {
    await this.store.withdraw(manager, event.data, event.data.withdrawnAt);
    const nomination = (await this.store.nomination(manager, event.data.nominationId))!;
    // Under normalisation the withdrawn nomination's assessments leave the pool, which moves the others.
    if (nomination.version > 0) await this.rescore.rescore(manager, nomination, event);
  }

  /** A stale version (an amendment overtaken by a newer one, a submission after its amendment) changes nothing. */
  private async onChanged(events: NominationChanged[], manager: EntityManager): Promise<void> {
    const newest = newestVersions(events);
    for (const edition of new Set(newest.map(({ event }) => event.data.edition))) await this.store.edition(manager, edition);
    const stored = await this.store.upsertNominations(
      manager,
      newest.map(({ event, version }) => {
        const { nominationId, edition, tier, province, category, nominee, indicators } = event.data;
        return { nominationId, edition, tier, province, category, nominee, indicators, version };
      }),
    );
    const causes = new Map(newest.map(({ event }) => [event.data.nominationId, event]));
    await this.rescore.rescoreMany(
      manager,
      stored.map((nomination) => ({ nomination, cause: causes.get(nomination.nominationId) })),
    );
  }
}

/** The newest version of each nomination among the events (a submission counts as 1), the earliest event of equals. */
function newestVersions(events: NominationChanged[]): Array<{ event: NominationChanged; version: number }> {
  const newest = new Map<string, { event: NominationChanged; version: number }>();
  for (const event of events) {
    const version = 'version' in event.data ? event.data.version : 1;
    const held = newest.get(event.data.nominationId);
    if (!held || held.version < version) newest.set(event.data.nominationId, { event, version });
  }
  return [...newest.values()];
}
