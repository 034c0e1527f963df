import 'reflect-metadata';
import { startHttpApp } from '@paritrana/platform';
import { loadRankingEnv } from './config/env';
import { RANKING_API, RankingModule } from './ranking.module';

async function main() {
  const env = loadRankingEnv();
  await startHttpApp(RankingModule.forRoot(env), {
    ...RANKING_API,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
