import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
import { OnEvent, OnEvents } from '@paritrana/messaging';
import type { Tx } from '@paritrana/platform';
import { KeepContactsUseCase } from '../contacts/keep-contacts.use-case';
import { ProjectEditionUseCase } from '../editions/project-edition.use-case';
import { PlanDeliveriesUseCase } from './plan-deliveries.use-case';

/** Notification's own projections of editions and contacts (contacts never travel on the rankings topic), and the published boards. */
@Injectable()
export class DeliveriesConsumer {
  constructor(
    private readonly projectEdition: ProjectEditionUseCase,
    private readonly keepContacts: KeepContactsUseCase,
    private readonly planDeliveries: PlanDeliveriesUseCase,
  ) {}

  @OnEvent(EventTypes.EditionDefined)
  async onEditionDefined(event: CloudEvent<typeof EventTypes.EditionDefined>, tx: Tx): Promise<void> {
    await this.projectEdition.execute(event.data.definition, tx);
  }

  @OnEvents(EventTypes.NominationSubmitted)
  async onNominationsSubmitted(events: CloudEvent<typeof EventTypes.NominationSubmitted>[], tx: Tx): Promise<void> {
    await this.keepContacts.execute(
      events.map(({ data: { nominationId, edition, tier, province, category, nominee, contact } }) => ({
        nominationId,
        edition,
        tier,
        province,
        category,
        nominee,
        contact,
        version: 1,
      })),
      tx,
    );
  }

  @OnEvents(EventTypes.NominationAmended)
  async onNominationsAmended(events: CloudEvent<typeof EventTypes.NominationAmended>[], tx: Tx): Promise<void> {
    await this.keepContacts.execute(
      events.map(({ data: { nominationId, edition, tier, province, category, nominee, contact, version } }) => ({
        nominationId,
        edition,
        tier,
        province,
        category,
        nominee,
        contact,
        version,
      })),
      tx,
    );
  }

  @OnEvent(EventTypes.RankingPublished)
  async onRankingPublished(event: CloudEvent<typeof EventTypes.RankingPublished>, tx: Tx): Promise<void> {
    await this.planDeliveries.execute(event.data, tx);
  }
}
