import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadNotificationEnv } from './config/env';
import { NotificationModule } from './notification.module';

async function main() {
  const env = loadNotificationEnv();
  await startHttpApp(NotificationModule.forRoot(env), {
    title: 'Paritrana notification',
    description: 'Congratulation emails to the winners of the Paritrana Award, and their delivery log',
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
