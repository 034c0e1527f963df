import { freePort } from '@paritrana/infra/ports';
import { http, SmtpSink, startServiceProcess, tokenFor, waitFor, type ServiceProcess } from '@paritrana/testing';
import { startPlatform, type Platform } from '../harness/platform-harness';
import { openRegencyEdition, regencyNomination } from '@paritrana/testing/editions';

describe('notification killed mid-sending and restarted (real process, SMTP, Kafka and Postgres)', () => {
  const smtp = new SmtpSink();
  let platform: Platform;
  let notification: ServiceProcess | undefined;
  let port: number;
  const edition = `nk${Date.now().toString(36)}`;
  const boardId = `${edition}:provincial:15:regency`;
  const secretariat = tokenFor({ sub: 'sekretariat-1', role: 'secretariat' });
  const kanwil = tokenFor({ sub: 'kanwil', role: 'regional-office', provinces: ['15'] });
  const ours = () => smtp.messages.filter((m) => m.parsed.text?.includes(`Paritrana Award ${edition} `));
  const startNotification = async () =>
    (notification = await startServiceProcess('notification', port, { SMTP_URL: smtp.url, MAIL_LEASE_SECONDS: '2' }));

  beforeAll(async () => {
    await smtp.start();
    platform = await startPlatform({ SMTP_URL: smtp.url }, ['intake', 'scoring', 'ranking']);
    port = await freePort();
    await startNotification();
  });

  afterAll(async () => {
    await notification?.kill('SIGTERM');
    await platform?.close();
    await smtp.stop();
  });

  it('should deliver exactly one email per winner although the sender was SIGKILLed while the server held a message', async () => {
    expect((await http('POST', `${platform.urls.intake}/v1/editions`, secretariat, openRegencyEdition(edition))).status).toBe(201);
    for (const [code, participants] of [
      ['15.08', 50_000],
      ['15.05', 40_000],
      ['15.71', 30_000],
    ] as const) {
      await http(
        'POST',
        `${platform.urls.intake}/v1/nominations`,
        kanwil,
        regencyNomination(edition, code, `crash-winner-${code}@example.go.id`, participants, 60_000, 'perda'),
      );
    }
    await waitFor('three final standings', async () => {
      const board = await http<{ standings: Array<{ status: string }> }>(
        'GET',
        `${platform.urls.ranking}/v1/boards/${boardId}`,
        secretariat,
      );
      return board.body.standings?.filter((s) => s.status === 'final').length === 3 ? true : undefined;
    });
    smtp.holdMs = 4_000;

    expect((await http('POST', `${platform.urls.ranking}/v1/boards/${boardId}/publish`, secretariat)).status).toBe(200);
    // One of ours: the lane's database may still hold other suites' pending deliveries, which this sender sends too.
    await waitFor('a message to one of our winners held by the server', async () =>
      smtp.heldFor.some((recipients) => recipients.some((r) => r.startsWith('crash-winner-'))) ? true : undefined,
    );
    await notification!.kill('SIGKILL');
    smtp.holdMs = 0;
    await startNotification();

    // Once every delivery is recorded as sent and the server holds no message, nothing is left that
    // could still arrive: the worker sends only pending deliveries.
    const deliveries = await waitFor(
      'every delivery recorded as sent, none held by the server',
      async () => {
        const log = await http<{ deliveries: Array<{ status: string; attempts: number }> }>(
          'GET',
          `http://127.0.0.1:${port}/v1/notifications?boardId=${encodeURIComponent(boardId)}`,
          secretariat,
        );
        const all = log.body.deliveries ?? [];
        return all.length === 3 && all.every((d) => d.status === 'sent') && smtp.holding === 0 ? all : undefined;
      },
      90_000,
    );
    expect(deliveries.some((d) => d.attempts >= 2)).toBe(true);
    expect(
      ours()
        .flatMap((m) => m.envelopeTo)
        .sort(),
    ).toEqual(['crash-winner-15.05@example.go.id', 'crash-winner-15.08@example.go.id', 'crash-winner-15.71@example.go.id']);
  });
});
