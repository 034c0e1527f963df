import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadRankingEnv } from './config/env';
import { RankingModule } from './ranking.module';

async function main() {
  const env = loadRankingEnv();
  await startHttpApp(RankingModule.forRoot(env), {
    title: 'Paritrana ranking',
    description: 'Provincial and national boards of the Paritrana Award, and their publication',
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
