import { randomUUID } from 'node:crypto';
import { EventCatalog, type EventData, type EventType } from './catalog';

/** A CloudEvents 1.0 structured envelope, plus correlation and causation extensions. */
export interface CloudEvent<T extends EventType = EventType> {
  specversion: '1.0';
  id: string;
  source: string;
  type: T;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  correlationid?: string;
  causationid?: string;
  data: EventData<T>;
}

export interface EventOrigin {
  /** The service emitting the event, e.g. `nomination-intake`. */
  service: string;
  /** The event that caused this one, when there is one. */
  cause?: Pick<CloudEvent, 'id' | 'correlationid'>;
}

export function createEvent<T extends EventType>(type: T, subject: string, data: EventData<T>, origin: EventOrigin): CloudEvent<T> {
  const id = randomUUID();
  return {
    specversion: '1.0',
    id,
    source: `/paritrana/${origin.service}`,
    type,
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    correlationid: origin.cause?.correlationid ?? origin.cause?.id ?? id,
    ...(origin.cause ? { causationid: origin.cause.id } : {}),
    data,
  };
}

export const topicOf = (type: EventType) => EventCatalog[type].topic;
