import { EventTypes, Topics } from '@paritrana/contracts';
import { query } from './db';
import type { Nominee } from './edition';
import { deadLetterCounts, readTopic } from './kafka-log';
import type { Ledger } from './load';
import type { FaultPlatform } from './platform';
import type { TopicMessage } from './order';
import { readOutboxLog } from './outbox-log';
import type { Observations } from './verdict';

/**
 * Reads what the run left behind: intake's, scoring's, ranking's and notification's tables, every
 * topic from the beginning, the dead-letter topics and the SMTP server's mailbox.
 */
export async function observe(
  platform: FaultPlatform,
  ledger: Ledger,
  nominees: Nominee[],
  edition: string,
  killsWhileSending: number,
): Promise<Observations> {
  const db = platform.databaseUrl;
  // Before the topics: a row deleted from an outbox by then was acknowledged before they are read.
  const outbox = await readOutboxLog(db);
  const stored = await query<{ id: string; region_code: string }>(
    db,
    `SELECT id, nominee->>'regionCode' AS region_code FROM intake.nominations WHERE edition = $1`,
    [edition],
  );
  const idOf = new Map(stored.map((r) => [r.region_code, r.id]));
  const emailOf = new Map(nominees.map((n) => [n.regionCode, n.email]));
  const accepted = new Map<string, string>();
  for (const [code, id] of ledger.accepted) accepted.set(id, emailOf.get(code)!);
  // A retry answered 409: its first attempt was stored, under the id intake gave it then.
  for (const code of ledger.acceptedOnRetry) accepted.set(idOf.get(code) ?? `never-stored:${code}`, emailOf.get(code)!);

  const ids = async (sql: string) => (await query<{ id: string }>(db, sql, [edition])).map((r) => r.id);
  const scored = await ids(`SELECT nomination_id AS id FROM scoring.scores WHERE edition = $1 AND status = 'final'`);
  const ranked = await ids(
    `SELECT e.nomination_id AS id FROM ranking.entries e JOIN ranking.boards b USING (board_id) WHERE b.edition = $1 AND e.status = 'final'`,
  );
  const contacts = await ids(
    `SELECT c.nomination_id AS id FROM notification.contacts c JOIN intake.nominations n ON n.id = c.nomination_id WHERE n.edition = $1`,
  );
  const published = (
    await query<{ published: Observations['published'][number] }>(
      db,
      `SELECT published FROM ranking.boards WHERE edition = $1 AND status = 'published'`,
      [edition],
    )
  ).map((r) => r.published);

  const topics: Observations['topics'] = [];
  const scoreEvents = new Map<string, number>();
  const messages: TopicMessage[] = [];
  for (const topic of Object.values(Topics)) {
    const log = await readTopic(platform.brokers, topic);
    messages.push(...log.positions);
    const distinct = new Map(log.events.map((e) => [e.id, e]));
    topics.push({ topic, messages: log.messages, distinctIds: distinct.size, unreadable: log.unreadable });
    if (topic !== Topics.Scores) continue;
    for (const event of distinct.values()) {
      if (event.type !== EventTypes.ScoreCalculated) continue;
      const id = String(event.data.nominationId);
      scoreEvents.set(id, (scoreEvents.get(id) ?? 0) + 1);
    }
  }
  return {
    accepted,
    stored: stored.map((r) => r.id),
    scored,
    ranked,
    contacts,
    scoreEvents,
    published,
    topics,
    emails: platform.smtp.messages.map((m) => ({ to: m.envelopeTo, messageId: m.parsed.messageId ?? '' })),
    deadLetters: await deadLetterCounts(platform.brokers),
    messages,
    outbox,
    killsWhileSending,
  };
}
