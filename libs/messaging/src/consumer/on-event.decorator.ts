import { SetMetadata } from '@nestjs/common';
import type { CloudEvent, EventType } from '@paritrana/contracts';
import type { EntityManager } from 'typeorm';

export const ON_EVENT = Symbol('ON_EVENT');

/** A consumed event, applied inside the transaction that also records it as processed. */
export type EventHandlerFn<T extends EventType = EventType> = (event: CloudEvent<T>, manager: EntityManager) => Promise<void>;

/** Marks a provider method as the handler of one event type; it receives the event and the transaction. */
export const OnEvent = (type: EventType): MethodDecorator => SetMetadata(ON_EVENT, type);
