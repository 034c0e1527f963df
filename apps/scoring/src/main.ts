import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadScoringEnv } from './config/env';
import { SCORING_API, ScoringModule } from './scoring.module';

async function main() {
  const env = loadScoringEnv();
  await startHttpApp(ScoringModule.forRoot(env), {
    ...SCORING_API,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
