import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadIntakeEnv } from './config/env';
import { INTAKE_BODY_LIMIT, INTAKE_API, IntakeModule } from './intake.module';

async function main() {
  const env = loadIntakeEnv();
  await startHttpApp(IntakeModule.forRoot(env), {
    ...INTAKE_API,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    bodyLimit: INTAKE_BODY_LIMIT,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
