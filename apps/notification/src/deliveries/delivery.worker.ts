import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { createEvent, EventTypes } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { Poller, Transactions } from '@paritrana/platform';
import type { Transporter } from 'nodemailer';
import { Counter, register } from 'prom-client';
import { certificateAttachment } from '../emails/winner-email';
import { DeliveryStore, type DueDelivery } from './delivery-store';
import { MAIL_SETTINGS, MAIL_TRANSPORT, type MailSettings } from './mail-settings';

const BATCH = 10;

const mailCounter =
  (register.getSingleMetric('paritrana_emails_total') as Counter<string> | undefined) ??
  new Counter({
    name: 'paritrana_emails_total',
    help: 'Congratulation emails by outcome (sent, retried, failed)',
    labelNames: ['outcome'],
  });

/**
 * Sends planned deliveries outside any transaction. Each is claimed (attempts + 1, leased) before
 * sending and marked sent after the server accepted it; temporary refusals back off exponentially
 * with jitter, permanent ones are recorded as failed.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly poller = new Poller(() => this.sendDue(), {
    name: DeliveryWorker.name,
    intervalMs: 1_000,
    onError: (error) => this.logger.warn(`Delivery round failed: ${error.message}`),
  });

  constructor(
    @Inject(MAIL_SETTINGS) private readonly mail: MailSettings,
    @Inject(MAIL_TRANSPORT) private readonly transport: Pick<Transporter, 'sendMail' | 'close'>,
    private readonly deliveries: DeliveryStore,
    private readonly transactions: Transactions,
    private readonly events: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(50);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    this.transport.close();
  }

  /** Looks for due deliveries soon (say, once a board's deliveries are planned). */
  wake(): void {
    this.poller.wake(50);
  }

  /** Sends what is due now; resolves when nothing due is left. */
  runNow(): Promise<void> {
    return this.poller.runNow();
  }

  /** One batch; true when there may be more due. */
  private async sendDue(): Promise<boolean> {
    const claimedAt = Date.now();
    const due = await this.deliveries.claimDue(BATCH, this.mail.leaseSeconds);
    // Claims left unsent at shutdown, or too late in their lease to finish within it, are sent again once it ends.
    if (due.length === 0 || !this.poller.isRunning) return false;
    for (const delivery of due) {
      if (Date.now() - claimedAt > (this.mail.leaseSeconds * 1000) / 2) break;
      await this.send(delivery);
    }
    return true;
  }

  private async send(d: DueDelivery): Promise<void> {
    const label = `${d.messageId} to ${d.recipient} (${d.boardId}, attempt ${d.attempts})`;
    try {
      await this.transport.sendMail({
        to: d.recipient,
        subject: d.email.subject,
        text: d.email.text,
        html: d.email.html,
        messageId: d.messageId,
        ...(d.email.copyTo ? { cc: d.email.copyTo } : {}),
        attachments: [await certificateAttachment(d.email.certificate)],
      });
    } catch (error) {
      await this.refused(d, error as { responseCode?: number; message: string }, label);
      return;
    }
    mailCounter.inc({ outcome: 'sent' });
    this.logger.log(`Email ${label} sent`);
    const sentAt = new Date().toISOString();
    const { boardId, nominationId, messageId, title, attempts } = d;
    await this.transactions.run(async (tx) => {
      // Another sender's attempt was accepted first (its lease had ended): announced once, by it.
      if (!(await this.deliveries.markSent(tx, d, sentAt))) return;
      await this.events.publish(tx, [
        createEvent(
          EventTypes.NotificationSent,
          boardId,
          { boardId, nominationId, messageId, title, attempts, sentAt },
          { service: 'notification' },
        ),
      ]);
    });
  }

  private async refused(d: DueDelivery, smtp: { responseCode?: number; message: string }, label: string): Promise<void> {
    const error = smtp.message.slice(0, 500);
    const permanent = (smtp.responseCode ?? 0) >= 500 || d.attempts >= this.mail.maxAttempts;
    if (!permanent) {
      const delay = Math.min(1_000 * 2 ** (d.attempts - 1), 300_000) * (0.5 + Math.random() / 2);
      mailCounter.inc({ outcome: 'retried' });
      this.logger.warn(`Email ${label} refused for now (${smtp.message}); retrying in ${Math.round(delay)} ms`);
      await this.deliveries.retryLater(d, delay, error);
      return;
    }
    mailCounter.inc({ outcome: 'failed' });
    this.logger.error(`Email ${label} failed permanently: ${smtp.message}`);
    const { boardId, nominationId, messageId, title, attempts } = d;
    await this.transactions.run(async (tx) => {
      // A newer claim of the delivery decides it (or it was sent meanwhile): this late failure changes nothing.
      if (!(await this.deliveries.markFailed(tx, d, error))) return;
      await this.events.publish(tx, [
        createEvent(
          EventTypes.NotificationFailed,
          boardId,
          { boardId, nominationId, messageId, title, attempts, error, failedAt: new Date().toISOString() },
          { service: 'notification' },
        ),
      ]);
    });
  }
}
