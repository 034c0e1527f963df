import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent } from '@paritrana/contracts';
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
  async onNominationSubmitted(event: CloudEvent<typeof EventTypes.NominationSubmitted>, manager: EntityManager): Promise<void> {
    const n = event.data;
    await manager.query(
      `INSERT INTO notification.contacts (nomination_id, province, nominee, contact) VALUES ($1, $2, $3, $4)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, contact = EXCLUDED.contact`,
      [n.nominationId, n.province, n.nominee, n.contact],
    );
  }

  @OnEvent(EventTypes.NominationAmended)
  async onNominationAmended(event: CloudEvent<typeof EventTypes.NominationAmended>, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE notification.contacts SET contact = $2 WHERE nomination_id = $1', [
      event.data.nominationId,
      event.data.contact,
    ]);
  }

  @OnEvent(EventTypes.RankingPublished)
  onRankingPublished(event: CloudEvent<typeof EventTypes.RankingPublished>, manager: EntityManager): Promise<void> {
    return this.planDeliveries.execute(event.data, manager);
  }
}
