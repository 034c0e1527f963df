import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadScoringEnv } from './config/env';
import { ScoringModule } from './scoring.module';

async function main() {
  const env = loadScoringEnv();
  await startHttpApp(ScoringModule.forRoot(env), {
    title: 'Paritrana scoring',
    description: 'Rubric scores and assessments of Paritrana Award nominations',
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
