import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import type { ScoringEnv } from './config/env';
import { EditionsModule } from './editions/editions.module';
import { ScoresModule } from './scores/scores.module';
import { SCORING_MIGRATIONS } from './migrations';

export const SCORING_API: ApiDescription = {
  title: 'Paritrana scoring',
  description: 'Rubric scores and assessments of Paritrana Award nominations',
};

@Module({})
export class ScoringModule {
  static forRoot(env: ScoringEnv): DynamicModule {
    return {
      module: ScoringModule,
      imports: [
        ServiceModule.forRoot({
          service: 'scoring',
          schema: 'scoring',
          env,
          audit: true,
          migrations: SCORING_MIGRATIONS,
        }),
        EditionsModule,
        ScoresModule,
      ],
    };
  }
}
