export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** The domain of `from`, used in Message-IDs. */
  domain: string;
  maxAttempts: number;
  /** A claimed delivery is not picked again for this long, so a crashed sender's claim is retried after it. */
  leaseSeconds: number;
  /**
   * Each SMTP phase's limit (connecting, the greeting, a silent socket): an eighth of the lease, so a
   * send begun in the first half of its lease has ended, one way or the other, before the lease does
   * and no other sender claims a delivery still being sent. Never under 10 s: a shorter wait gives up
   * on a slow server that then accepts the message, and the retry sends it twice.
   */
  smtpTimeoutMs: number;
}

const MIN_SMTP_TIMEOUT_MS = 10_000;

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

/** The SMTP transport (nodemailer's) the delivery worker sends through. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export function mailSettings(smtpUrl: string, from: string, maxAttempts: number, leaseSeconds: number): MailSettings {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'paritrana.local';
  return { smtpUrl, from, domain, maxAttempts, leaseSeconds, smtpTimeoutMs: Math.max((leaseSeconds * 1000) / 8, MIN_SMTP_TIMEOUT_MS) };
}
