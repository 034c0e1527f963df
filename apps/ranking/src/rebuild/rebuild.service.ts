import { BoardCopies, EventValidator, InvalidEventError, Topics, type CloudEvent } from '@paritrana/contracts';
import { createKafka } from '@paritrana/messaging';
import { PgListener } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import { BoardViews } from '../boards/board-views';
import { PostgresBoardStore } from '../boards/postgres-board-store';
import { PostgresEditionStore } from '../editions/postgres-edition-store';
import { PostgresEntryStore } from '../entries/postgres-entry-store';
import { EventLogProjection, type RebuiltBoard } from './event-log-projection';

const SOURCES = [Topics.Editions, Topics.Nominations, Topics.Scores, Topics.Rankings];

export interface RebuildReport {
  boards: RebuiltBoard[];
  events: number;
  rebuildSeconds: number;
  differences: string[];
  /** The boards as a consumer of paritrana.rankings.v1 alone keeps them, from their compact changes. */
  copies: BoardCopies;
}

/**
 * Rebuilds every board of an edition twice from the event log, as ranking does (from editions, nominations, scores
 * and publications) and as a consumer of the rankings topic alone does (from the compact changes), and compares
 * both with the live boards. The log is read to its end when the command starts; then it goes on being followed for
 * up to `settleSeconds` while the two sides differ, since either may be a step ahead of the other: ranking may not have
 * applied the log's last events yet, and it may announce a change after the log's end was taken.
 */
export async function rebuildEdition(options: {
  brokers: string[];
  dataSource: DataSource;
  edition: string;
  settleSeconds: number;
}): Promise<RebuildReport> {
  const started = performance.now();
  const projection = new EventLogProjection(options.edition);
  const copies = new BoardCopies();
  const log = await followLog(options.brokers, (event) => {
    projection.apply(event);
    if (event.subject.startsWith(`${options.edition}:`)) copies.apply(event);
  });
  try {
    await log.caughtUp;
    let boards = projection.boards();
    const rebuildSeconds = (performance.now() - started) / 1000;
    const settleUntil = Date.now() + options.settleSeconds * 1000;
    let differences = await compare(options.dataSource, options.edition, boards, copies);
    while (differences.length > 0 && Date.now() < settleUntil) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      boards = projection.boards();
      differences = await compare(options.dataSource, options.edition, boards, copies);
    }
    return { boards, events: log.read(), rebuildSeconds, differences, copies };
  } finally {
    await log.stop();
  }
}

interface FollowedLog {
  /** Settles once every source partition has been read to the end it had when following started. */
  caughtUp: Promise<void>;
  /** The number of events applied so far. */
  read(): number;
  stop(): Promise<void>;
}

/** Reads the source topics from the beginning and goes on applying what is appended to them until stopped. */
async function followLog(brokers: string[], apply: (event: CloudEvent) => void): Promise<FollowedLog> {
  const kafka = createKafka('ranking-rebuild', brokers);
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of SOURCES) {
      for (const p of await admin.fetchTopicOffsets(topic))
        if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high));
    }
  } finally {
    await admin.disconnect();
  }
  const total = [...remaining.values()].reduce((a, b) => a + b, 0n);
  const validator = new EventValidator();
  const consumer = kafka.consumer({ groupId: `ranking-rebuild-${randomUUID()}`, maxBytesPerPartition: 20 * 1024 * 1024 });
  let read = 0;
  let caughtUp!: { resolve: () => void; reject: (error: Error) => void };
  const caught = new Promise<void>((resolve, reject) => (caughtUp = { resolve, reject }));
  if (remaining.size === 0) caughtUp.resolve();
  await consumer.connect();
  await consumer.subscribe({ topics: SOURCES, fromBeginning: true });
  consumer
    .run({
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        const key = `${batch.topic}:${batch.partition}`;
        for (const message of batch.messages) {
          try {
            apply(validator.parse(message.value, batch.topic));
          } catch (error) {
            if (!(error instanceof InvalidEventError)) throw error;
          }
          read++;
          resolveOffset(message.offset);
          const end = remaining.get(key);
          if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(key);
        }
        await heartbeat();
        if (remaining.size > 0 && read % 5_000 < batch.messages.length) process.stderr.write(`\rread ${read} of ${total} events`);
        if (remaining.size === 0) caughtUp.resolve();
      },
    })
    .catch((error: Error) => caughtUp.reject(error));
  return { caughtUp: caught, read: () => read, stop: () => consumer.disconnect() };
}

async function compare(dataSource: DataSource, edition: string, rebuilt: RebuiltBoard[], copies: BoardCopies): Promise<string[]> {
  // Read only: its listener never connects.
  const boards = new PostgresBoardStore(new PgListener((dataSource.options as { url?: string }).url ?? ''));
  const views = new BoardViews(boards, new PostgresEditionStore(), new PostgresEntryStore());
  const live = await boards.idsOfEdition(dataSource.manager, edition);
  const ids = new Set([...live, ...rebuilt.map((b) => b.boardId)]);
  const byId = new Map(rebuilt.map((b) => [b.boardId, b]));
  const differences: string[] = [];
  for (const id of [...ids].sort()) {
    const mine = byId.get(id);
    const theirs = await views.view(dataSource.manager, id);
    if (!mine || !theirs) differences.push(`${id}: ${mine ? 'missing from the live boards' : 'missing from the event log'}`);
    else if (mine.status !== theirs.status) differences.push(`${id}: ${mine.status} in the log, ${theirs.status} live`);
    else if (!isDeepStrictEqual(normalise(mine), normalise(theirs))) differences.push(`${id}: standings differ`);
    const copy = copies.get(id);
    // An open board the rankings topic has not caught up with yet (a change not announced) is compared once it has.
    if (theirs?.status === 'open' && (theirs.pending || theirs.version !== (copy?.version ?? 0)))
      differences.push(`${id}: version ${copy?.version ?? 0} from the changes, ${theirs.version}${theirs.pending ? ' and more' : ''} live`);
    else if (theirs && theirs.standings.length + theirs.ineligible.length > 0) {
      if (!copy) differences.push(`${id}: no ranking.changed on the rankings topic`);
      else if (copy.status !== theirs.status) differences.push(`${id}: ${copy.status} from the changes, ${theirs.status} live`);
      else if (!isDeepStrictEqual(normalise(copy), normalise(theirs))) differences.push(`${id}: standings from the changes differ`);
    }
  }
  for (const gap of copies.gaps) differences.push(`the changes broke off: ${gap}`);
  return differences;
}

const normalise = (b: Pick<RebuiltBoard, 'standings' | 'ineligible'>) =>
  JSON.parse(JSON.stringify({ standings: b.standings, ineligible: b.ineligible })) as unknown;
