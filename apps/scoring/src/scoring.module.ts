import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiDescription } from '@paritrana/platform';
import { ServiceModule } from '@paritrana/service';
import type { ScoringEnv } from './config/env';
import { EditionsModule } from './editions/editions.module';
import { CreateScoringTables1763712100000 } from './migrations/1763712100000-create-scoring-tables';
import { Assessments1763720200000 } from './migrations/1763720200000-assessments';
import { NominationVersions1763720500000 } from './migrations/1763720500000-nomination-versions';
import { ScoringAuditLog1763720600000 } from './migrations/1763720600000-audit-log';
import { ScoringProcessedEventsByTime1764540000000 } from './migrations/1764540000000-processed-events-by-time';
import { AssessmentsByAssessor1765000000000 } from './migrations/1765000000000-assessments-by-assessor';
import { ScoresModule } from './scores/scores.module';

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
          migrations: [
            CreateScoringTables1763712100000,
            Assessments1763720200000,
            NominationVersions1763720500000,
            ScoringAuditLog1763720600000,
            ScoringProcessedEventsByTime1764540000000,
            AssessmentsByAssessor1765000000000,
          ],
        }),
        EditionsModule,
        ScoresModule,
      ],
    };
  }
}
