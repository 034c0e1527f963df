import { Module, type DynamicModule } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { NotificationEnv } from '../config/env';
import { ContactStore, PgContactStore } from '../contacts/contact-store';
import { KeepContactsUseCase } from '../contacts/keep-contacts.use-case';
import { EditionStore, PgEditionStore } from '../editions/edition-store';
import { PreviewBoardUseCase } from '../previews/preview-board.use-case';
import { PreviewsController } from '../previews/previews.controller';
import { ProjectEditionUseCase } from '../editions/project-edition.use-case';
import { DeliveriesConsumer } from './deliveries.consumer';
import { DeliveryLogQuery } from './delivery-log.query';
import { DeliveryStatsController } from './delivery-stats.controller';
import { DeliveryStatsUseCase } from './delivery-stats.use-case';
import { DeliveryStore, PgDeliveryStore } from './delivery-store';
import { DeliveryWorker } from './delivery.worker';
import { MAIL_SETTINGS, MAIL_TRANSPORT, mailSettings, type MailSettings } from './mail-settings';
import { NotificationsController } from './notifications.controller';
import { PlanDeliveriesUseCase } from './plan-deliveries.use-case';

@Module({})
export class DeliveriesModule {
  static forRoot(env: NotificationEnv): DynamicModule {
    return {
      module: DeliveriesModule,
      controllers: [NotificationsController, DeliveryStatsController, PreviewsController],
      providers: [
        { provide: MAIL_SETTINGS, useValue: mailSettings(env.SMTP_URL, env.MAIL_FROM, env.MAIL_MAX_ATTEMPTS, env.MAIL_LEASE_SECONDS) },
        {
          provide: MAIL_TRANSPORT,
          useFactory: (mail: MailSettings) =>
            createTransport(
              {
                url: mail.smtpUrl,
                connectionTimeout: mail.smtpTimeoutMs,
                greetingTimeout: mail.smtpTimeoutMs,
                socketTimeout: mail.smtpTimeoutMs,
              },
              { from: mail.from },
            ),
          inject: [MAIL_SETTINGS],
        },
        { provide: EditionStore, useClass: PgEditionStore },
        { provide: ContactStore, useClass: PgContactStore },
        { provide: DeliveryStore, useClass: PgDeliveryStore },
        ProjectEditionUseCase,
        KeepContactsUseCase,
        PlanDeliveriesUseCase,
        PreviewBoardUseCase,
        DeliveryLogQuery,
        DeliveryStatsUseCase,
        DeliveriesConsumer,
        DeliveryWorker,
      ],
    };
  }
}
