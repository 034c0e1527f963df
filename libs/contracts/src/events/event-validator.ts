import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EventCatalog, isKnownEventType, type EventType } from './catalog';
import type { CloudEvent } from './envelope';
import { CloudEventEnvelopeSchema } from './envelope.schema';

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

/** Validates raw Kafka message values against the envelope and the catalogue's payload schemas. */
export class EventValidator {
  private readonly envelope: ValidateFunction;
  private readonly payloads = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    this.envelope = ajv.compile(CloudEventEnvelopeSchema);
    for (const [type, entry] of Object.entries(EventCatalog)) this.payloads.set(type, ajv.compile(entry.schema));
  }

  /** Parses and validates a message value; given the topic it came from, also that its type belongs there. */
  parse(raw: Buffer | string | null, topic?: string): CloudEvent {
    if (raw === null) throw new InvalidEventError('message has no value');
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new InvalidEventError('message value is not JSON');
    }
    if (!this.envelope(value)) throw new InvalidEventError(`not a CloudEvents envelope: ${describe(this.envelope)}`);
    const event = value as CloudEvent;
    if (!isKnownEventType(event.type)) throw new InvalidEventError(`unknown event type ${event.type}`);
    const home = EventCatalog[event.type].topic;
    if (topic !== undefined && topic !== home) throw new InvalidEventError(`${event.type} belongs on ${home}, not ${topic}`);
    const validatePayload = this.payloads.get(event.type) as ValidateFunction;
    if (!validatePayload(event.data)) throw new InvalidEventError(`invalid ${event.type} data: ${describe(validatePayload)}`);
    return event;
  }

  validateData(type: EventType, data: unknown): void {
    const validatePayload = this.payloads.get(type) as ValidateFunction;
    if (!validatePayload(data)) throw new InvalidEventError(`invalid ${type} data: ${describe(validatePayload)}`);
  }
}

/** Each problem once; an `if` only says that its `then` or `else` failed, whose own errors are listed. */
const describe = (fn: ValidateFunction) =>
  [
    ...new Set((fn.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)),
  ].join('; ');
