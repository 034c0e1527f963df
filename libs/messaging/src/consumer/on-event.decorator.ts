import { SetMetadata } from '@nestjs/common';
import type { CloudEvent, EventType } from '@paritrana/contracts';
import type { EntityManager } from 'typeorm';

export const ON_EVENT = Symbol('ON_EVENT');
export const ON_EVENTS = Symbol('ON_EVENTS');

/** A consumed event, applied inside the transaction that also records it as processed. */
export type EventHandlerFn<T extends EventType = EventType> = (event: CloudEvent<T>, manager: EntityManager) => Promise<void>;

/**
 * Consecutive events of one type, each partition's in their order (the partitions handed over together follow one another),
 * applied inside the transaction that records them as processed.
 */
export type EventBatchHandlerFn<T extends EventType = EventType> = (events: CloudEvent<T>[], manager: EntityManager) => Promise<void>;

/** Marks a provider method as the handler of one event type; it receives the event and the transaction. */
export const OnEvent = (type: EventType): MethodDecorator => SetMetadata(ON_EVENT, type);

/**
 * Marks a provider method as the handler of one event type that applies many events at once (multi-row
 * writes); it receives them in partition order and the transaction. A batch that fails is retried one
 * event at a time, each through this same handler, so one bad event is retried or dead-lettered alone.
 */
export const OnEvents = (type: EventType): MethodDecorator => SetMetadata(ON_EVENTS, type);
