export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** The domain of `from`, used in Message-IDs. */
  domain: string;
  maxAttempts: number;
}

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

export function mailSettings(smtpUrl: string, from: string, maxAttempts: number): MailSettings {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'paritrana.local';
  return { smtpUrl, from, domain, maxAttempts };
}
