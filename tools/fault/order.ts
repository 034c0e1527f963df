/** A message as read back from a topic. */
export interface TopicMessage {
  topic: string;
  key: string;
  partition: number;
  offset: number;
  /** The event id; undefined when the message is not a readable event. */
  id?: string;
}

/** An outbox row as it was written, in its service's transaction. */
export interface WrittenEvent {
  /** The schema (service) whose outbox held it: sequences are per outbox. */
  writer: string;
  seq: number;
  id: string;
  topic: string;
  key: string;
}

export interface OrderViolation {
  topic: string;
  key: string;
  /** The event that reached the topic after a later-written one of the same key. */
  id: string;
  seq: number;
  /** The highest sequence of the key already on the topic when it arrived. */
  after: number;
}

export interface OrderCheck {
  /** Keys checked (topic, key and writer). */
  keys: number;
  /** Distinct events whose order was checked. */
  checked: number;
  /** Events on a topic that no outbox row of the run accounts for: their order cannot be known. */
  unchecked: number;
  violations: OrderViolation[];
}

/**
 * Per-key order on every topic: for each key, the events in the order the topic holds them (by
 * partition offset) must be in the order their outbox rows were written. A redelivered event (the
 * same id again, after a relay was cut between sending and deleting) is not a violation: consumers
 * skip it, so only the first arrival of each id counts.
 */
export function checkOrder(messages: TopicMessage[], written: WrittenEvent[]): OrderCheck {
  const byId = new Map(written.map((w) => [w.id, w]));
  const sorted = [...messages].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.offset - b.offset);
  const seen = new Set<string>();
  const highest = new Map<string, number>();
  const result: OrderCheck = { keys: 0, checked: 0, unchecked: 0, violations: [] };
  for (const message of sorted) {
    if (message.id === undefined || seen.has(message.id)) continue;
    seen.add(message.id);
    const row = byId.get(message.id);
    if (!row) {
      result.unchecked++;
      continue;
    }
    result.checked++;
    const group = JSON.stringify([message.topic, message.key, row.writer]);
    const before = highest.get(group);
    if (before === undefined) result.keys++;
    if (before !== undefined && row.seq < before)
      result.violations.push({ topic: message.topic, key: message.key, id: message.id, seq: row.seq, after: before });
    else highest.set(group, row.seq);
  }
  return result;
}

export interface RelayCheck {
  /** Outbox rows written during the run. */
  written: number;
  /** Still in an outbox at the end: not relayed yet. */
  queued: number;
  /** Moved to outbox_dead (refused by the broker as too large). */
  setAside: number;
  /** Deleted from the outbox (so acknowledged by Kafka) yet not on their topic. */
  missing: WrittenEvent[];
  /** On another topic than the one their row named. */
  misplaced: WrittenEvent[];
}

/** Every outbox row the relay deleted is on the topic it names. */
export function checkRelayed(written: WrittenEvent[], queued: Set<string>, setAside: Set<string>, messages: TopicMessage[]): RelayCheck {
  const topicsOf = new Map<string, Set<string>>();
  for (const m of messages) if (m.id !== undefined) topicsOf.set(m.id, (topicsOf.get(m.id) ?? new Set()).add(m.topic));
  const result: RelayCheck = { written: written.length, queued: 0, setAside: 0, missing: [], misplaced: [] };
  for (const row of written) {
    if (queued.has(row.id)) result.queued++;
    else if (setAside.has(row.id)) result.setAside++;
    else {
      const topics = topicsOf.get(row.id);
      if (!topics) result.missing.push(row);
      else if (!topics.has(row.topic)) result.misplaced.push(row);
    }
  }
  return result;
}
