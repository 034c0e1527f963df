import { checkOrder, checkRelayed, type OrderViolation, type TopicMessage, type WrittenEvent } from './order';

/** What the databases, the topics and the SMTP server hold after the run, gathered by verify.ts. */
export interface Observations {
  /** Nomination id → contact email, of every nomination intake accepted as the clients saw it. */
  accepted: Map<string, string>;
  /** Nominations of the edition stored by intake. */
  stored: string[];
  /** Nominations with a final score in scoring's schema. */
  scored: string[];
  /** Nominations standing final on a board in ranking's schema. */
  ranked: string[];
  /** Nominations whose contact notification keeps. */
  contacts: string[];
  /** Distinct score.calculated event ids per nomination on the scores topic. */
  scoreEvents: Map<string, number>;
  /** The published boards' standings. */
  published: Array<{ boardId: string; standings: Array<{ nominationId: string; title?: string }> }>;
  /** Messages and distinct event ids per topic. */
  topics: Array<{ topic: string; messages: number; distinctIds: number; unreadable: number }>;
  /** Every email the SMTP server accepted. */
  emails: Array<{ to: string[]; messageId: string }>;
  deadLetters: Record<string, number>;
  /** Every message on every topic, with its key, partition and offset. */
  messages: TopicMessage[];
  /** The outbox rows the services wrote during the run, and those still in an outbox or set aside at the end. */
  outbox: { written: WrittenEvent[]; queued: string[]; setAside: string[] };
  /**
   * Kills of notification while it was sending. Each may hit the one window the contract allows
   * (after the server accepted an email, before it was recorded as sent): the worker sends one at
   * a time, so at most one email per kill may come again, with the same Message-ID.
   */
  killsWhileSending: number;
}

export interface Verdict {
  accepted: number;
  /** Accepted nominations missing at some stage, each named once; by stage below. */
  lost: number;
  lostAt: { intake: number; scoring: number; ranking: number; notification: number; published: number };
  /** Accepted nominations scored more than once or placed more than once on the published boards. */
  duplicated: number;
  duplicatedAt: { scoring: number; published: number };
  /** Nominations stored by intake that no client was told were accepted. */
  unaccounted: number;
  redeliveries: Record<string, number>;
  emails: {
    expected: number;
    sent: number;
    /** A winner who received more than one distinct email (Message-ID). */
    doubled: number;
    /** The same email (recipient and Message-ID) received again: a resend after a crash. */
    resent: number;
    missing: number;
    unexpected: number;
  };
  deadLetters: Record<string, number>;
  /** Events that reached their topic after a later-written event of the same key. */
  orderViolations: number;
  order: { keys: number; checked: number; unchecked: number; examples: OrderViolation[] };
  /** Outbox rows and what became of them: `lost` were deleted (acknowledged) but are on no topic, `misplaced` on another topic. */
  outbox: { written: number; queued: number; set_aside: number; lost: number; misplaced: number };
  failures: string[];
}

const count = <T>(items: T[]) => {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
};

/** Every accepted nomination scored, ranked and published exactly once; every winner mailed exactly once; no dead letter. */
export function judge(o: Observations): Verdict {
  const ids = [...o.accepted.keys()];
  const missing = (present: string[]) => {
    const set = new Set(present);
    return ids.filter((id) => !set.has(id));
  };
  const placements = count(o.published.flatMap((b) => b.standings.map((s) => s.nominationId)));
  const lostAt = {
    intake: missing(o.stored),
    scoring: missing(o.scored),
    ranking: missing(o.ranked),
    notification: missing(o.contacts),
    published: ids.filter((id) => !placements.has(id)),
  };
  const lost = new Set(Object.values(lostAt).flat());
  const duplicatedAt = {
    scoring: ids.filter((id) => (o.scoreEvents.get(id) ?? 0) > 1),
    published: ids.filter((id) => (placements.get(id) ?? 0) > 1),
  };
  const duplicated = new Set(Object.values(duplicatedAt).flat());
  const unaccounted = o.stored.filter((id) => !o.accepted.has(id)).length;

  const expected = o.published.flatMap((b) =>
    b.standings.filter((s) => s.title).map((s) => o.accepted.get(s.nominationId) ?? `unknown:${s.nominationId}`),
  );
  const recipients = o.emails.flatMap((e) => e.to.map((to) => ({ to: to.toLowerCase(), messageId: e.messageId })));
  const received = count(recipients.map((r) => r.to));
  const messageIds = new Map<string, Set<string>>();
  for (const r of recipients) messageIds.set(r.to, (messageIds.get(r.to) ?? new Set()).add(r.messageId));
  const distinct = [...messageIds.values()].map((ids) => ids.size);
  const expectedSet = new Set(expected.map((e) => e.toLowerCase()));
  const emails = {
    expected: expected.length,
    sent: o.emails.length,
    doubled: distinct.reduce((sum, n) => sum + n - 1, 0),
    resent: recipients.length - distinct.reduce((sum, n) => sum + n, 0),
    missing: [...expectedSet].filter((to) => !received.has(to)).length,
    unexpected: [...received.keys()].filter((to) => !expectedSet.has(to)).length,
  };
  const deadLetterTotal = Object.values(o.deadLetters).reduce((a, b) => a + b, 0);

  const order = checkOrder(o.messages, o.outbox.written);
  const relayed = checkRelayed(o.outbox.written, new Set(o.outbox.queued), new Set(o.outbox.setAside), o.messages);

  const failures: string[] = [];
  const name = (list: string[]) => list.slice(0, 5).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
  for (const [stage, list] of Object.entries(lostAt))
    if (list.length > 0) failures.push(`${list.length} accepted nomination(s) missing at ${stage}: ${name(list)}`);
  for (const [stage, list] of Object.entries(duplicatedAt))
    if (list.length > 0) failures.push(`${list.length} nomination(s) duplicated at ${stage}: ${name(list)}`);
  if (unaccounted > 0) failures.push(`${unaccounted} nomination(s) stored by intake that no client was told were accepted`);
  if (emails.doubled > 0) failures.push(`${emails.doubled} email(s) doubled: a winner received distinct emails`);
  if (emails.resent > o.killsWhileSending)
    failures.push(
      `${emails.resent} email(s) resent with the same Message-ID, more than the ${o.killsWhileSending} kill(s) while sending can explain`,
    );
  if (emails.missing > 0) failures.push(`${emails.missing} winner(s) never mailed`);
  if (emails.unexpected > 0) failures.push(`${emails.unexpected} email recipient(s) who are not winners`);
  if (expected.length === 0) failures.push('no winners were published, so no email could be checked');
  if (deadLetterTotal > 0) failures.push(`${deadLetterTotal} message(s) dead-lettered: ${JSON.stringify(o.deadLetters)}`);
  if (o.outbox.written.length === 0) failures.push('no outbox row was recorded, so the relay could not be checked');
  if (order.violations.length > 0)
    failures.push(
      `${order.violations.length} event(s) out of order for their key: ${order.violations
        .slice(0, 3)
        .map((v) => `${v.topic} key ${v.key}: #${v.seq} after #${v.after}`)
        .join('; ')}`,
    );
  if (relayed.missing.length > 0)
    failures.push(
      `${relayed.missing.length} outbox row(s) deleted but not on their topic: ${name(relayed.missing.map((r) => `${r.topic} ${r.id}`))}`,
    );
  if (relayed.misplaced.length > 0) failures.push(`${relayed.misplaced.length} event(s) on another topic than their outbox row named`);
  const unreadable = o.topics.filter((t) => t.unreadable > 0);
  if (unreadable.length > 0) failures.push(`unreadable messages on ${unreadable.map((t) => `${t.topic} (${t.unreadable})`).join(', ')}`);

  return {
    accepted: ids.length,
    lost: lost.size,
    lostAt: Object.fromEntries(Object.entries(lostAt).map(([k, v]) => [k, v.length])) as Verdict['lostAt'],
    duplicated: duplicated.size,
    duplicatedAt: { scoring: duplicatedAt.scoring.length, published: duplicatedAt.published.length },
    unaccounted,
    redeliveries: Object.fromEntries(o.topics.map((t) => [t.topic, t.messages - t.unreadable - t.distinctIds])),
    emails,
    deadLetters: o.deadLetters,
    orderViolations: order.violations.length,
    order: { keys: order.keys, checked: order.checked, unchecked: order.unchecked, examples: order.violations.slice(0, 10) },
    outbox: {
      written: relayed.written,
      queued: relayed.queued,
      set_aside: relayed.setAside,
      lost: relayed.missing.length,
      misplaced: relayed.misplaced.length,
    },
    failures,
  };
}
