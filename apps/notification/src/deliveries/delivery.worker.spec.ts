import { EventTypes } from '@paritrana/contracts';
import { InMemoryEventPublisher } from '@paritrana/messaging';
import { InMemoryTransactions, type Tx } from '@paritrana/platform';
import { register, type Counter } from 'prom-client';
import type { PlannedDelivery } from './delivery-store';
import { DeliveryWorker } from './delivery.worker';
import { InMemoryDeliveryStore } from './in-memory-delivery-store';
import { mailSettings } from './mail-settings';

const tx = {} as Tx;
const planned = (nominationId: string): PlannedDelivery => ({
  boardId: '2024:provincial:15:regency',
  nominationId,
  recipient: 'setda@example.go.id',
  messageId: `<${nominationId}@paritrana.example>`,
  title: 'Terbaik I',
  email: {
    subject: 'Selamat!',
    text: 'Selamat',
    html: '<p>Selamat</p>',
    copyTo: 'dinas@example.go.id',
    certificate: {
      nomineeName: 'Kabupaten Bungo',
      title: 'Terbaik I',
      categoryName: 'Kabupaten/Kota',
      editionName: 'Paritrana Award 2024',
      scopeName: 'Provinsi Jambi',
      rank: 1,
      total: 90,
    },
  },
});
const smtpError = (responseCode: number) => Object.assign(new Error(`${responseCode} refused`), { responseCode });
const emailsCounted = async (outcome: string) =>
  (await (register.getSingleMetric('paritrana_emails_total') as Counter<string>).get()).values.find((v) => v.labels.outcome === outcome)
    ?.value ?? 0;

describe('DeliveryWorker', () => {
  const setup = async (sendMail: jest.Mock, maxAttempts = 8) => {
    const deliveries = new InMemoryDeliveryStore();
    const events = new InMemoryEventPublisher();
    const transport = { sendMail, close: jest.fn() };
    await deliveries.plan(tx, [planned('00000000-0000-4000-8000-000000000001')]);
    const mail = mailSettings('smtp://127.0.0.1:1025', 'Paritrana Award <noreply@paritrana.example>', maxAttempts, 60);
    const sut = new DeliveryWorker(mail, transport, deliveries, new InMemoryTransactions(), events);
    sut.onApplicationBootstrap();
    return { sut, deliveries, events, transport };
  };

  afterEach(() => jest.restoreAllMocks());

  it('should send with the planned Message-ID and the certificate, record it as sent and announce it when the server accepts', async () => {
    const sendMail = jest.fn().mockResolvedValue({});
    const { sut, deliveries, events, transport } = await setup(sendMail);
    const sentBefore = await emailsCounted('sent');

    await sut.runNow();
    await sut.beforeApplicationShutdown();

    expect(sendMail).toHaveBeenCalledTimes(1);
    expect(sendMail.mock.calls[0][0]).toMatchObject({
      to: 'setda@example.go.id',
      cc: 'dinas@example.go.id',
      messageId: '<00000000-0000-4000-8000-000000000001@paritrana.example>',
      attachments: [{ filename: 'piagam-kabupaten-bungo.pdf', contentType: 'application/pdf' }],
    });
    expect(deliveries.deliveries[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(events.ofType(EventTypes.NotificationSent).map((e) => e.data)).toEqual([
      expect.objectContaining({ messageId: '<00000000-0000-4000-8000-000000000001@paritrana.example>', attempts: 1 }),
    ]);
    expect(await emailsCounted('sent')).toBe(sentBefore + 1);
    expect(transport.close).toHaveBeenCalled();
  });

  it('should leave the delivery pending with a backed-off retry and announce nothing when the server refuses for now', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const { sut, deliveries, events } = await setup(jest.fn().mockRejectedValue(smtpError(451)));
    const retriedBefore = await emailsCounted('retried');
    const before = Date.now();

    await sut.runNow();
    await sut.beforeApplicationShutdown();

    const [delivery] = deliveries.deliveries;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 refused' });
    // The first retry waits 1 s × (0.5 + random / 2).
    expect(delivery.dueAt - before).toBeGreaterThanOrEqual(750);
    expect(delivery.dueAt - before).toBeLessThan(60_000);
    expect(events.published).toEqual([]);
    expect(await emailsCounted('retried')).toBe(retriedBefore + 1);
  });

  it.each([
    ['the server refuses permanently', smtpError(550), 8],
    ['the last attempt is refused for now', smtpError(451), 1],
  ])('should record the delivery as failed and announce it when %s', async (_case, error, maxAttempts) => {
    const { sut, deliveries, events } = await setup(jest.fn().mockRejectedValue(error), maxAttempts);

    await sut.runNow();
    await sut.beforeApplicationShutdown();

    expect(deliveries.deliveries[0]).toMatchObject({ status: 'failed', lastError: error.message });
    expect(events.ofType(EventTypes.NotificationFailed).map((e) => e.data)).toEqual([
      expect.objectContaining({ error: error.message, attempts: 1 }),
    ]);
  });

  it('should not send a delivery again while its claim is leased', async () => {
    const sendMail = jest.fn().mockResolvedValue({});
    const { sut, deliveries } = await setup(sendMail);
    await deliveries.claimDue(10, 60);

    await sut.runNow();
    await sut.beforeApplicationShutdown();

    expect(sendMail).not.toHaveBeenCalled();
  });
});
