import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule } from '@paritrana/service';
import type { NotificationEnv } from './config/env';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { CreateNotificationTables1763712300000 } from './migrations/1763712300000-create-notification-tables';
import { ContactVersions1763720500000 } from './migrations/1763720500000-contact-versions';

@Module({})
export class NotificationModule {
  static forRoot(env: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ServiceModule.forRoot({
          service: 'notification',
          schema: 'notification',
          env,
          migrations: [CreateNotificationTables1763712300000, ContactVersions1763720500000],
        }),
        DeliveriesModule.forRoot(env),
      ],
    };
  }
}
