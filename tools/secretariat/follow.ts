import { EventTypes, EventValidator, InvalidEventError, Topics, type CloudEvent } from '@paritrana/contracts';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { parseArgs } from 'node:util';

/**
 * An example consumer for the national secretariat: prints each published ranking as it arrives
 * on paritrana.rankings.v1 (validated against the event catalogue), and optionally the updates.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string' },
      group: { type: 'string' },
      'from-beginning': { type: 'boolean' },
      updates: { type: 'boolean' },
    },
  });
  const brokers = (values.brokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'secretariat-follow', brokers, logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: values.group ?? `secretariat-follow-${randomUUID().slice(0, 8)}` });
  const validator = new EventValidator();
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.Rankings, fromBeginning: values['from-beginning'] ?? false });
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
      if (event.type === EventTypes.RankingPublished) print(event as CloudEvent<typeof EventTypes.RankingPublished>);
      else if (values.updates && event.type === EventTypes.RankingUpdated) {
        const board = (event as CloudEvent<typeof EventTypes.RankingUpdated>).data;
        process.stdout.write(
          `~ ${board.boardId}: ${board.standings.length} standing(s), leader ${board.standings[0]?.nominee.name ?? '—'}\n`,
        );
      }
    },
  });
  const stop = async () => {
    await consumer.disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
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
