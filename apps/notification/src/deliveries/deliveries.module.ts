import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationEnv } from '../config/env';
import { DeliveriesConsumer } from './deliveries.consumer';
import { DeliveryWorker } from './delivery.worker';
import { MAIL_SETTINGS, mailSettings } from './mail-settings';
import { NotificationsController } from './notifications.controller';
import { PlanDeliveriesUseCase } from './plan-deliveries.use-case';

@Module({})
export class DeliveriesModule {
  static forRoot(env: NotificationEnv): DynamicModule {
    return {
      module: DeliveriesModule,
      controllers: [NotificationsController],
      providers: [
        { provide: MAIL_SETTINGS, useValue: mailSettings(env.SMTP_URL, env.MAIL_FROM, env.MAIL_MAX_ATTEMPTS, env.MAIL_LEASE_SECONDS) },
        DeliveriesConsumer,
        PlanDeliveriesUseCase,
        DeliveryWorker,
      ],
    };
  }
}
