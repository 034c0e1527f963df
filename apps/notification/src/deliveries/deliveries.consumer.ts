import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent, type NominationSubmitted } from '@paritrana/contracts';
import { OnEvent } from '@paritrana/messaging';
import type { EntityManager } from 'typeorm';
import { PlanDeliveriesUseCase } from './plan-deliveries.use-case';

/** Notification's own projection of editions and contacts; contacts never travel on the rankings topic. */
@Injectable()
export class DeliveriesConsumer {
  constructor(private readonly planDeliveries: PlanDeliveriesUseCase) {}

  @OnEvent(EventTypes.EditionDefined)
  async onEditionDefined(event: CloudEvent<typeof EventTypes.EditionDefined>, manager: EntityManager): Promise<void> {
    await manager.query(
      'INSERT INTO notification.editions (code, definition) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition',
      [event.data.definition.code, event.data.definition],
    );
  }

  @OnEvent(EventTypes.NominationSubmitted)
  onNominationSubmitted(event: CloudEvent<typeof EventTypes.NominationSubmitted>, manager: EntityManager): Promise<void> {
    return this.keepContact(manager, event.data, 1);
  }

  @OnEvent(EventTypes.NominationAmended)
  onNominationAmended(event: CloudEvent<typeof EventTypes.NominationAmended>, manager: EntityManager): Promise<void> {
    return this.keepContact(manager, event.data, event.data.version);
  }

  @OnEvent(EventTypes.RankingPublished)
  onRankingPublished(event: CloudEvent<typeof EventTypes.RankingPublished>, manager: EntityManager): Promise<void> {
    return this.planDeliveries.execute(event.data, manager);
  }

  /** Keeps the contact of the newest version seen: a stale amendment or a late submission changes nothing. */
  private async keepContact(
    manager: EntityManager,
    n: Pick<NominationSubmitted, 'nominationId' | 'province' | 'nominee' | 'contact'>,
    version: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notification.contacts (nomination_id, province, nominee, contact, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, contact = EXCLUDED.contact, version = EXCLUDED.version
       WHERE notification.contacts.version < EXCLUDED.version`,
      [n.nominationId, n.province, n.nominee, n.contact, version],
    );
  }
}
