import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import { BoardsModule } from './boards/boards.module';
import type { RankingEnv } from './config/env';
import { ResultsModule } from './results/results.module';
import { RANKING_MIGRATIONS } from './migrations';

export const RANKING_API: ApiDescription = {
  title: 'Paritrana ranking',
  description: 'Provincial and national boards of the Paritrana Award, and their publication',
};

@Module({})
export class RankingModule {
  static forRoot(env: RankingEnv): DynamicModule {
    return {
      module: RankingModule,
      imports: [
        ServiceModule.forRoot({
          service: 'ranking',
          schema: 'ranking',
          env,
          audit: true,
          migrations: RANKING_MIGRATIONS,
        }),
        BoardsModule.forRoot({
          wholeBoardSeconds: env.RANKING_WHOLE_BOARD_SECONDS,
          wholeBoardStandingsPerSecond: env.RANKING_WHOLE_BOARD_STANDINGS_PER_SECOND,
          boardMemoryEntries: env.RANKING_BOARD_MEMORY_ENTRIES,
        }),
        ResultsModule,
      ],
    };
  }
}
