import { BoardCopies, EventTypes, EventValidator, InvalidEventError, Topics, type CloudEvent } from '@paritrana/contracts';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { parseArgs } from 'node:util';
import { checkBoards, type LiveBoard } from './board-check';

const USAGE = `Usage: npm run secretariat:follow -- [--from-beginning] [--updates] [--boards [--check RANKING_URL [--every SECONDS]] [--edition CODE]]
  --boards   keep a copy of every board from paritrana.ranking.changed.v1 (and ranking.updated, ranking.published)
  --check    compare each copy with GET RANKING_URL/v1/boards/:id every --every seconds (5); token in PARITRANA_TOKEN
  --edition  only the boards of this edition
`;

/**
 * An example consumer for the national secretariat: prints each published ranking as it arrives on
 * paritrana.rankings.v1 (validated against the event catalogue), optionally each change, and optionally keeps a
 * copy of every board from the compact changes and checks it against the ranking service.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string' },
      group: { type: 'string' },
      'from-beginning': { type: 'boolean' },
      updates: { type: 'boolean' },
      boards: { type: 'boolean' },
      check: { type: 'string' },
      every: { type: 'string', default: '5' },
      edition: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(USAGE);
  const every = Number(values.every);
  if (!(every > 0)) throw new Error(`--every must be a number of seconds, not ${values.every}`);
  const token = process.env.PARITRANA_TOKEN;
  if (values.check && !token) throw new Error('--check needs a token of the secretariat in PARITRANA_TOKEN (npm run -s token)');
  const brokers = (values.brokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'secretariat-follow', brokers, logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: values.group ?? `secretariat-follow-${randomUUID().slice(0, 8)}` });
  const validator = new EventValidator();
  const copies = new BoardCopies();
  const keepBoards = values.boards || values.check !== undefined;
  // A board's copy is rebuilt from its first change: a new group reads the topic from the beginning.
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.Rankings, fromBeginning: keepBoards || (values['from-beginning'] ?? false) });
  process.stderr.write(`Following ${Topics.Rankings} on ${brokers.join(',')}; Ctrl-C to stop.\n`);
  await consumer.run({
    eachMessage: async ({ message }) => {
      let event: CloudEvent;
      try {
        event = validator.parse(message.value);
      } catch (error) {
        if (error instanceof InvalidEventError) process.stderr.write(`skipped an invalid message: ${error.message}\n`);
        return;
      }
      if (values.edition && !event.subject.startsWith(`${values.edition}:`)) return;
      if (keepBoards) copies.apply(event);
      if (event.type === EventTypes.RankingPublished) print(event as CloudEvent<typeof EventTypes.RankingPublished>);
      else if (values.updates && event.type === EventTypes.RankingChanged) {
        const change = (event as CloudEvent<typeof EventTypes.RankingChanged>).data;
        const leader = copies.get(change.boardId)?.standings[0]?.nominee.name;
        process.stdout.write(
          `~ ${change.boardId} v${change.version}: ${change.standings.length} entered or changed, ${change.left.length} left; ` +
            `${change.counts.standings} standing(s)${leader ? `, leader ${leader}` : ''}\n`,
        );
      }
    },
  });
  let differences = 0;
  const timer =
    values.check === undefined
      ? undefined
      : setInterval(() => {
          void checkBoards(copies, copies.boardIds(), (boardId) => fetchBoard(values.check!, boardId, token!)).then(
            (outcome) => {
              differences += outcome.differ.length;
              for (const difference of outcome.differ) process.stdout.write(`✗ ${difference}\n`);
              process.stderr.write(
                `checked ${outcome.equal.length + outcome.differ.length + outcome.waiting.length} board(s): ${outcome.equal.length} equal to GET /v1/boards/:id, ` +
                  `${outcome.differ.length} different, ${outcome.waiting.length} at another version this moment; ${copies.gaps.length} gap(s) in the changes\n`,
              );
            },
            (error: Error) => process.stderr.write(`check failed: ${error.message}\n`),
          );
        }, every * 1000);
  const stop = async () => {
    if (timer) clearInterval(timer);
    await consumer.disconnect();
    process.exit(differences > 0 || copies.gaps.length > 0 ? 1 : 0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function fetchBoard(rankingUrl: string, boardId: string, token: string): Promise<LiveBoard | undefined> {
  const response = await fetch(`${rankingUrl}/v1/boards/${encodeURIComponent(boardId)}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /v1/boards/${boardId} answered ${response.status}`);
  return (await response.json()) as LiveBoard;
}

function print({ data: board }: CloudEvent<typeof EventTypes.RankingPublished>): void {
  const lines = [
    `\n${board.boardId} published ${board.publishedAt} by ${board.publishedBy}`,
    ...board.standings.map(
      (s) =>
        `  ${String(s.rank).padStart(3)}. ${(s.title ?? '').padEnd(12)} ${s.nominee.name.padEnd(40)} ${s.total.toFixed(2).padStart(6)}`,
    ),
    ...board.ineligible.map((i) => `       ineligible   ${i.nominee.name.padEnd(40)} ${i.reasons.join('; ')}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`secretariat:follow failed: ${error.message}\n`);
  process.exit(1);
});
