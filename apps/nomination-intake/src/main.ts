import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadIntakeEnv } from './config/env';
import { IntakeModule } from './intake.module';

async function main() {
  const env = loadIntakeEnv();
  await startHttpApp(IntakeModule.forRoot(env), {
    title: 'Paritrana nomination intake',
    description: 'Editions and nominations of the Paritrana Award',
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
