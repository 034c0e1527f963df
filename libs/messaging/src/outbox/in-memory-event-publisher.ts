import type { CloudEvent } from '@paritrana/contracts';
import type { EntityManager } from 'typeorm';
import { EventPublisher } from './event-publisher';

/** The publisher port for unit tests: every published event, in order. */
export class InMemoryEventPublisher extends EventPublisher {
  readonly published: CloudEvent[] = [];

  override async publish(_manager: EntityManager, events: CloudEvent[]): Promise<void> {
    this.published.push(...events);
  }

  ofType(type: string): CloudEvent[] {
    return this.published.filter((e) => e.type === type);
  }
}
