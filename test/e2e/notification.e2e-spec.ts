import { EventTypes, EventValidator, Topics, type CloudEvent } from '@paritrana/contracts';
import { http, parseOrSkip, SmtpSink, tokenFor, waitFor } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { openRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

interface Delivery {
  nominationId: string;
  recipient: string;
  status: string;
  attempts: number;
  messageId: string;
}

describe('notification: one email per winner through refusals and redeliveries (real SMTP, Kafka and Postgres)', () => {
  const smtp = new SmtpSink();
  let platform: Platform;
  let producer: Producer;
  let consumer: Consumer;
  const published: CloudEvent[] = [];
  const edition = `nt${Date.now().toString(36)}`;
  const boardId = `${edition}:provincial:15:regency`;
  const secretariat = tokenFor({ sub: 'sekretariat-1', role: 'secretariat' });
  const kanwil = tokenFor({ sub: 'kanwil', role: 'regional-office', provinces: ['15'] });
  const ours = () => smtp.messages.filter((m) => m.parsed.text?.includes(`Paritrana Award ${edition} `));

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatform({ SMTP_URL: smtp.url });
    const kafka = new Kafka({ clientId: 'notification-test', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    consumer = kafka.consumer({ groupId: `notification-test-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.Rankings, fromBeginning: true });
    const validator = new EventValidator();
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = parseOrSkip(validator, message.value);
        if (event?.type === EventTypes.RankingPublished && event.subject === boardId) published.push(event);
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await platform?.close();
    await smtp.stop();
  });

  const processed = async (eventId: string) => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      return (await db.query('SELECT 1 FROM notification.processed_events WHERE event_id = $1', [eventId])).rowCount === 1;
    } finally {
      await db.end();
    }
  };

  const log = async () =>
    (
      await http<{ deliveries: Delivery[] }>(
        'GET',
        `${platform.urls.notification}/v1/notifications?boardId=${encodeURIComponent(boardId)}`,
        secretariat,
      )
    ).body.deliveries;

  it('should deliver each winner one email with its certificate, through temporary refusals', async () => {
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, openRegencyEdition(edition))).status).toBe(201);
    for (const [code, participants] of [
      ['15.08', 50_000],
      ['15.05', 40_000],
      ['15.71', 30_000],
      ['15.09', 20_000],
    ] as const) {
      const body = regencyNomination(edition, code, `winner-${code}@example.go.id`, participants, 60_000, 'perda');
      if (code === '15.08') body.contact = { ...body.contact, copyTo: 'kanwil.sumbagsel@example.go.id' } as typeof body.contact;
      await http('POST', `${platform.urls.intake}/v1/nominations`, kanwil, body);
    }
    await waitFor('four final standings', async () => {
      const board = await http<{ standings: Array<{ status: string }> }>(
        'GET',
        `${platform.urls.ranking}/v1/boards/${boardId}`,
        secretariat,
      );
      return board.body.standings?.filter((s) => s.status === 'final').length === 4 ? true : undefined;
    });
    smtp.refuseNext = 2;

    expect((await http('POST', `${platform.urls.ranking}/v1/boards/${boardId}/publish`, secretariat)).status).toBe(200);

    const mails = await waitFor('three emails', async () => (ours().length >= 3 ? ours() : undefined), 90_000);
    expect(mails.find((m) => m.envelopeTo.includes('winner-15.08@example.go.id'))?.parsed.headers.get('cc')).toMatchObject({
      text: 'kanwil.sumbagsel@example.go.id',
    });
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual([
      'kanwil.sumbagsel@example.go.id',
      'winner-15.05@example.go.id',
      'winner-15.08@example.go.id',
      'winner-15.71@example.go.id',
    ]);
    for (const mail of mails) {
      expect(mail.parsed.attachments).toEqual([
        expect.objectContaining({ contentType: 'application/pdf', filename: expect.stringMatching(/^piagam-.+\.pdf$/) }),
      ]);
      expect(mail.parsed.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const deliveries = await waitFor('the delivery log', async () => {
      const d = await log();
      return d.length === 3 && d.every((x) => x.status === 'sent') ? d : undefined;
    });
    expect(deliveries.reduce((n, d) => n + d.attempts, 0)).toBe(5);
    expect(new Set(deliveries.map((d) => d.messageId)).size).toBe(3);
  });

  it('should send nothing again when the published event is redelivered, as is or as a new event', async () => {
    const original = await waitFor('the published event', async () => published[0]);

    const renamed = { ...original, id: randomUUID() };
    await producer.send({ topic: Topics.Rankings, messages: [{ key: boardId, value: JSON.stringify(original) }] });
    await producer.send({ topic: Topics.Rankings, messages: [{ key: boardId, value: JSON.stringify(renamed) }] });
    // The renamed copy is behind the other on the board's partition: once notification recorded it as
    // processed, both were handled, and any delivery they planned would be in the log.
    await waitFor('notification to process both redeliveries', async () => ((await processed(renamed.id)) ? true : undefined));

    expect((await log()).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    expect(ours()).toHaveLength(3);
  });

  it('should record and announce a permanent refusal, without retrying it', async () => {
    const failing = `${edition}f`;
    const failingBoard = `${failing}:provincial:15:regency`;
    smtp.unknownRecipients.add('nobody@example.go.id');
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, openRegencyEdition(failing))).status).toBe(201);
    await http(
      'POST',
      `${platform.urls.intake}/v1/nominations`,
      kanwil,
      regencyNomination(failing, '15.01', 'nobody@example.go.id', 10, 20, 'none'),
    );
    await waitFor('a final standing', async () => {
      const board = await http<{ standings: Array<{ status: string }> }>(
        'GET',
        `${platform.urls.ranking}/v1/boards/${failingBoard}`,
        secretariat,
      );
      return board.body.standings?.[0]?.status === 'final' ? true : undefined;
    });

    expect((await http('POST', `${platform.urls.ranking}/v1/boards/${failingBoard}/publish`, secretariat)).status).toBe(200);

    const failed = await waitFor('a failed delivery', async () => {
      const url = `${platform.urls.notification}/v1/notifications?boardId=${encodeURIComponent(failingBoard)}`;
      const d = (await http<{ deliveries: Array<Delivery & { lastError: string }> }>('GET', url, secretariat)).body.deliveries;
      return d[0]?.status === 'failed' ? d[0] : undefined;
    });
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringContaining('No such user') });
  });
});
