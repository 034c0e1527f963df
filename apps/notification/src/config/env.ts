import { CommonEnv, loadEnv } from '@paritrana/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class NotificationEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3004;

  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://host:port or smtps://user:pass@host:465' })
  SMTP_URL: string = 'smtp://127.0.0.1:1025';

  @IsString()
  @Matches(/@/, { message: 'MAIL_FROM must contain an address, e.g. "Paritrana Award <noreply@example.id>"' })
  MAIL_FROM: string = 'Paritrana Award <noreply@paritrana.local>';

  @IsInt()
  @Min(1)
  @Max(20)
  MAIL_MAX_ATTEMPTS: number = 8;

  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_LEASE_SECONDS: number = 60;
}

/** The only reader of process.env in this service. */
export const loadNotificationEnv = (source: NodeJS.ProcessEnv = process.env) => loadEnv(NotificationEnv, source);
