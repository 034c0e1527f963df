import { Injectable } from '@nestjs/common';
import { EventTypes, type CloudEvent, type NominationSubmitted } from '@paritrana/contracts';
import { OnEvent, OnEvents } from '@paritrana/messaging';
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

  @OnEvents(EventTypes.NominationSubmitted)
  onNominationsSubmitted(events: CloudEvent<typeof EventTypes.NominationSubmitted>[], manager: EntityManager): Promise<void> {
    return this.keepContacts(
      manager,
      events.map((e) => ({ ...e.data, version: 1 })),
    );
  }

  @OnEvents(EventTypes.NominationAmended)
  onNominationsAmended(events: CloudEvent<typeof EventTypes.NominationAmended>[], manager: EntityManager): Promise<void> {
    return this.keepContacts(
      manager,
      events.map((e) => e.data),
    );
  }

  @OnEvent(EventTypes.RankingPublished)
  onRankingPublished(event: CloudEvent<typeof EventTypes.RankingPublished>, manager: EntityManager): Promise<void> {
    return this.planDeliveries.execute(event.data, manager);
  }

  /** Keeps the contact of the newest version seen: a stale amendment or a late submission changes nothing. */
  private async keepContacts(
    manager: EntityManager,
    versions: Array<Pick<NominationSubmitted, 'nominationId' | 'province' | 'nominee' | 'contact'> & { version: number }>,
  ): Promise<void> {
    const newest = new Map<string, (typeof versions)[number]>();
    for (const n of versions) if ((newest.get(n.nominationId)?.version ?? 0) < n.version) newest.set(n.nominationId, n);
    const rows = [...newest.values()];
    await manager.query(
      `INSERT INTO notification.contacts (nomination_id, province, nominee, contact, version)
       SELECT c.nomination_id, c.province, c.nominee::jsonb, c.contact::jsonb, c.version
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS c(nomination_id, province, nominee, contact, version)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, contact = EXCLUDED.contact, version = EXCLUDED.version
       WHERE notification.contacts.version < EXCLUDED.version`,
      [
        rows.map((n) => n.nominationId),
        rows.map((n) => n.province),
        rows.map((n) => JSON.stringify(n.nominee)),
        rows.map((n) => JSON.stringify(n.contact)),
        rows.map((n) => n.version),
      ],
    );
  }
}
