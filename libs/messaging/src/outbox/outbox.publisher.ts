import { Inject, Injectable } from '@nestjs/common';
import { EventValidator, topicOf, type CloudEvent } from '@paritrana/contracts';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options';
import { EventPublisher } from './event-publisher';
import { outboxChannel } from './outbox.sql';

@Injectable()
export class OutboxEventPublisher extends EventPublisher {
  private readonly validator = new EventValidator();

  constructor(@Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {
    super();
  }

  async publish(manager: EntityManager, events: CloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    // The producing side of the contract: an event that its schema refuses never leaves the service.
    for (const event of events) this.validator.validateData(event.type, event.data);
    const params: unknown[] = [];
    const rows = events.map((event) => {
      params.push(event.id, topicOf(event.type), event.subject, event.type, JSON.stringify(event));
      const n = params.length;
      return `($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::json)`;
    });
    params.push(outboxChannel(this.options.schema), String(events.length));
    // One round trip: the rows, and the relay woken (its LISTEN connection hears it only when this transaction commits).
    await manager.query(
      `WITH written AS (
         INSERT INTO "${this.options.schema}".outbox (event_id, topic, message_key, event_type, envelope) VALUES ${rows.join(', ')}
       ) SELECT pg_notify($${params.length - 1}, $${params.length})`,
      params,
    );
  }
}
