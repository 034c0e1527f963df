import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, EventTypes } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { createTransport, type Transporter } from 'nodemailer';
import { Counter, register } from 'prom-client';
import { DataSource } from 'typeorm';
import { renderCertificate, type CertificateFacts } from '../emails/certificate';
import type { ComposedEmail } from '../emails/congratulation.template';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';

interface DueDelivery {
  board_id: string;
  nomination_id: string;
  recipient: string;
  message_id: string;
  email: ComposedEmail & { copyTo?: string };
  certificate: CertificateFacts;
  title: string;
  attempts: number;
}

const mailCounter =
  (register.getSingleMetric('paritrana_emails_total') as Counter<string> | undefined) ??
  new Counter({
    name: 'paritrana_emails_total',
    help: 'Congratulation emails by outcome (sent, retried, failed)',
    labelNames: ['outcome'],
  });

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Sends planned deliveries outside any transaction. Each is claimed (attempts + 1, leased) before
 * sending and marked sent after the server accepted it; temporary refusals back off exponentially
 * with jitter, permanent ones are recorded as failed.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly transport: Transporter;
  private timer?: NodeJS.Timeout;
  private running = false;
  private busy?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_SETTINGS) private readonly mail: MailSettings,
    private readonly events: EventPublisher,
  ) {
    this.transport = createTransport(mail.smtpUrl, { from: mail.from });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.busy;
    this.transport.close();
  }

  wake(delayMs = 50): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.busy ??= this.sendDue()
        .catch((error: Error) => this.logger.warn(`Delivery round failed: ${error.message}`))
        .finally(() => {
          this.busy = undefined;
          this.wake(1_000);
        });
    }, delayMs);
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const due: DueDelivery[] = await this.dataSource
        .query(
          `UPDATE notification.deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $1::double precision)
         FROM (SELECT board_id, nomination_id FROM notification.deliveries
               WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 10 FOR UPDATE SKIP LOCKED) due
         WHERE d.board_id = due.board_id AND d.nomination_id = due.nomination_id
         RETURNING d.board_id, d.nomination_id, d.recipient, d.message_id, d.email, d.email->'certificate' AS certificate, d.title, d.attempts`,
          [this.mail.leaseSeconds],
        )
        .then((result: [DueDelivery[], number] | DueDelivery[]) =>
          Array.isArray(result[0]) ? (result[0] as DueDelivery[]) : (result as DueDelivery[]),
        );
      if (due.length === 0 || !this.running) return;
      for (const delivery of due) await this.send(delivery);
    }
  }

  private async send(d: DueDelivery): Promise<void> {
    const label = `${d.message_id} to ${d.recipient} (${d.board_id}, attempt ${d.attempts})`;
    try {
      await this.transport.sendMail({
        to: d.recipient,
        subject: d.email.subject,
        text: d.email.text,
        html: d.email.html,
        messageId: d.message_id,
        ...(d.email.copyTo ? { cc: d.email.copyTo } : {}),
        attachments: [
          {
            filename: `piagam-${slug(d.certificate.nomineeName)}.pdf`,
            content: await renderCertificate(d.certificate),
            contentType: 'application/pdf',
          },
        ],
      });
    } catch (error) {
      const smtp = error as { responseCode?: number; message: string };
      const permanent = (smtp.responseCode ?? 0) >= 500 || d.attempts >= this.mail.maxAttempts;
      if (permanent) {
        mailCounter.inc({ outcome: 'failed' });
        this.logger.error(`Email ${label} failed permanently: ${smtp.message}`);
        await this.dataSource.transaction(async (manager) => {
          const error = smtp.message.slice(0, 500);
          await manager.query(
            `UPDATE notification.deliveries SET status = 'failed', last_error = $3 WHERE board_id = $1 AND nomination_id = $2`,
            [d.board_id, d.nomination_id, error],
          );
          const failed = createEvent(
            EventTypes.NotificationFailed,
            d.board_id,
            {
              boardId: d.board_id,
              nominationId: d.nomination_id,
              messageId: d.message_id,
              title: d.title,
              attempts: d.attempts,
              error,
              failedAt: new Date().toISOString(),
            },
            { service: 'notification' },
          );
          await this.events.publish(manager, [failed]);
        });
      } else {
        const delay = Math.min(1_000 * 2 ** (d.attempts - 1), 300_000) * (0.5 + Math.random() / 2);
        mailCounter.inc({ outcome: 'retried' });
        this.logger.warn(`Email ${label} refused for now (${smtp.message}); retrying in ${Math.round(delay)} ms`);
        await this.dataSource.query(
          `UPDATE notification.deliveries SET next_attempt_at = now() + ($3 || ' milliseconds')::interval, last_error = $4 WHERE board_id = $1 AND nomination_id = $2`,
          [d.board_id, d.nomination_id, String(Math.round(delay)), smtp.message.slice(0, 500)],
        );
      }
      return;
    }
    mailCounter.inc({ outcome: 'sent' });
    this.logger.log(`Email ${label} sent`);
    await this.dataSource.transaction(async (manager) => {
      const sentAt = new Date().toISOString();
      await manager.query(
        `UPDATE notification.deliveries SET status = 'sent', sent_at = $3, last_error = NULL WHERE board_id = $1 AND nomination_id = $2`,
        [d.board_id, d.nomination_id, sentAt],
      );
      const event = createEvent(
        EventTypes.NotificationSent,
        d.board_id,
        { boardId: d.board_id, nominationId: d.nomination_id, messageId: d.message_id, title: d.title, attempts: d.attempts, sentAt },
        { service: 'notification' },
      );
      await this.events.publish(manager, [event]);
    });
  }
}
