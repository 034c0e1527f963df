import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import type { NotificationEnv } from './config/env';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { CreateNotificationTables1763712300000 } from './migrations/1763712300000-create-notification-tables';
import { ContactVersions1763720500000 } from './migrations/1763720500000-contact-versions';
import { ContactBoards1764600000000 } from './migrations/1764600000000-contact-boards';
import { NotificationProcessedEventsByTime1764540000000 } from './migrations/1764540000000-processed-events-by-time';

export const NOTIFICATION_API: ApiDescription = {
  title: 'Paritrana notification',
  description: 'Congratulation emails to the winners of the Paritrana Award, and their delivery log',
};

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
          migrations: [
            CreateNotificationTables1763712300000,
            ContactVersions1763720500000,
            NotificationProcessedEventsByTime1764540000000,
            ContactBoards1764600000000,
          ],
        }),
        DeliveriesModule.forRoot(env),
      ],
    };
  }
}
