import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadNotificationEnv } from './config/env';
import { NOTIFICATION_API, NotificationModule } from './notification.module';

async function main() {
  const env = loadNotificationEnv();
  await startHttpApp(NotificationModule.forRoot(env), {
    ...NOTIFICATION_API,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
