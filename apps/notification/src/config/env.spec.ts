import { InvalidEnvironmentError } from '@paritrana/platform';
import { loadNotificationEnv } from './env';

function thrownBy(load: () => unknown): Error {
  try {
    load();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected loadNotificationEnv to throw');
}

describe('loadNotificationEnv', () => {
  it('should apply the notification defaults when nothing is set', () => {
    const sut = loadNotificationEnv({});

    expect([sut.PORT, sut.SMTP_URL, sut.MAIL_FROM, sut.MAIL_MAX_ATTEMPTS]).toEqual([
      3004,
      'smtp://127.0.0.1:1025',
      'Paritrana Award <noreply@paritrana.local>',
      8,
    ]);
  });

  it('should convert PORT and MAIL_MAX_ATTEMPTS from strings when they are set', () => {
    const sut = loadNotificationEnv({ PORT: '4004', MAIL_MAX_ATTEMPTS: '3' });

    expect([sut.PORT, sut.MAIL_MAX_ATTEMPTS]).toEqual([4004, 3]);
  });

  it('should accept an smtps URL with credentials when it is set', () => {
    const sut = loadNotificationEnv({ SMTP_URL: 'smtps://mailer:secret@smtp.example.id:465' });

    expect(sut.SMTP_URL).toBe('smtps://mailer:secret@smtp.example.id:465');
  });

  it('should name both PORT and SMTP_URL in one error when both are invalid', () => {
    const sut = thrownBy(() => loadNotificationEnv({ PORT: 'abc', SMTP_URL: 'mail.example.id:25' }));

    expect(sut).toBeInstanceOf(InvalidEnvironmentError);
    expect(sut.message).toContain('PORT: PORT must be an integer number (got "abc")');
    expect(sut.message).toContain('SMTP_URL: SMTP_URL must look like smtp://host:port or smtps://user:pass@host:465 (value hidden)');
  });

  it('should refuse MAIL_FROM when it has no address', () => {
    const sut = thrownBy(() => loadNotificationEnv({ MAIL_FROM: 'Paritrana Award' }));

    expect(sut.message).toContain('MAIL_FROM: MAIL_FROM must contain an address, e.g. "Paritrana Award <noreply@example.id>"');
  });

  it('should refuse MAIL_MAX_ATTEMPTS when it is above 20', () => {
    const sut = thrownBy(() => loadNotificationEnv({ MAIL_MAX_ATTEMPTS: '21' }));

    expect(sut.message).toContain('MAIL_MAX_ATTEMPTS: MAIL_MAX_ATTEMPTS must not be greater than 20 (got "21")');
  });

  it('should refuse production when AUTH_JWT_SECRET is the development secret', () => {
    expect(() => loadNotificationEnv({ NODE_ENV: 'production' })).toThrow(
      'AUTH_JWT_SECRET: the development secret is refused when NODE_ENV=production',
    );
  });

  it('should accept production when AUTH_JWT_SECRET is a secret of its own', () => {
    const sut = loadNotificationEnv({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'notification-production-secret-42' });

    expect(sut.NODE_ENV).toBe('production');
  });
});
