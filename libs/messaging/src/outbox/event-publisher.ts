import type { CloudEvent } from '@paritrana/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The port use cases publish through. Events are written in the caller's transaction, so they
 * leave the service exactly when the state change commits.
 */
export abstract class EventPublisher {
  abstract publish(manager: EntityManager, events: CloudEvent[]): Promise<void>;
}
