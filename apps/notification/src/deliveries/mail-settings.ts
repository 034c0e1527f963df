export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** The domain of `from`, used in Message-IDs. */
  domain: string;
  maxAttempts: number;
  /** A claimed delivery is not picked again for this long, so a crashed sender's claim is retried after it. */
  leaseSeconds: number;
}

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

/** The SMTP transport (nodemailer's) the delivery worker sends through. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export function mailSettings(smtpUrl: string, from: string, maxAttempts: number, leaseSeconds: number): MailSettings {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'paritrana.local';
  return { smtpUrl, from, domain, maxAttempts, leaseSeconds };
}
