import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import type { NotificationEnv } from './config/env';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { NOTIFICATION_MIGRATIONS } from './migrations';

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
          migrations: NOTIFICATION_MIGRATIONS,
        }),
        DeliveriesModule.forRoot(env),
      ],
    };
  }
}
