import { EventValidator, InvalidEventError, Topics, type CloudEvent } from '@paritrana/contracts';
import { createKafka } from '@paritrana/messaging';
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
}

/**
 * Rebuilds every board of an edition from the event log and compares it with the live boards,
 * allowing the live side `settleSeconds` to catch up with the tail of the log.
 */
export async function rebuildEdition(options: {
  brokers: string[];
  dataSource: DataSource;
  edition: string;
  settleSeconds: number;
}): Promise<RebuildReport> {
  const started = performance.now();
  const projection = new EventLogProjection(options.edition);
  const events = await readLog(options.brokers, (event) => projection.apply(event));
  const boards = projection.boards();
  const rebuildSeconds = (performance.now() - started) / 1000;
  const settleUntil = Date.now() + options.settleSeconds * 1000;
  let differences = await compare(options.dataSource, options.edition, boards);
  while (differences.length > 0 && Date.now() < settleUntil) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    differences = await compare(options.dataSource, options.edition, boards);
  }
  return { boards, events, rebuildSeconds, differences };
}

/** Reads the source topics from the beginning to their end offsets at the start; returns the number of events. */
async function readLog(brokers: string[], apply: (event: CloudEvent) => void): Promise<number> {
  const kafka = createKafka('ranking-rebuild', brokers);
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  for (const topic of SOURCES) {
    for (const p of await admin.fetchTopicOffsets(topic))
      if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high));
  }
  await admin.disconnect();
  const total = [...remaining.values()].reduce((a, b) => a + b, 0n);
  if (remaining.size === 0) return 0;
  const validator = new EventValidator();
  const consumer = kafka.consumer({ groupId: `ranking-rebuild-${randomUUID()}`, maxBytesPerPartition: 20 * 1024 * 1024 });
  let read = 0;
  await consumer.connect();
  await consumer.subscribe({ topics: SOURCES, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          const key = `${batch.topic}:${batch.partition}`;
          for (const message of batch.messages) {
            const end = remaining.get(key);
            if (end === undefined || BigInt(message.offset) >= end) break;
            try {
              apply(validator.parse(message.value, batch.topic));
            } catch (error) {
              if (!(error instanceof InvalidEventError)) throw error;
            }
            read++;
            resolveOffset(message.offset);
            if (BigInt(message.offset) + 1n >= end) remaining.delete(key);
          }
          await heartbeat();
          if (read % 5_000 < batch.messages.length) process.stderr.write(`\rread ${read} of ${total} events`);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return read;
}

async function compare(dataSource: DataSource, edition: string, rebuilt: RebuiltBoard[]): Promise<string[]> {
  const boards = new PostgresBoardStore();
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
  }
  return differences;
}

const normalise = (b: Pick<RebuiltBoard, 'standings' | 'ineligible'>) =>
  JSON.parse(JSON.stringify({ standings: b.standings, ineligible: b.ineligible })) as unknown;
