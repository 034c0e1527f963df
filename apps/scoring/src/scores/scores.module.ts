import { Module } from '@nestjs/common';
import { AssessmentStore, PgAssessmentStore } from '../assessments/assessment-store';
import { AssessmentsController } from '../assessments/assessments.controller';
import { AssessmentQueueUseCase } from '../assessments/assessment-queue.use-case';
import { MyAssessmentsUseCase } from '../assessments/my-assessments.use-case';
import { NominationAssessmentsUseCase } from '../assessments/nomination-assessments.use-case';
import { RecordAssessmentUseCase } from '../assessments/record-assessment.use-case';
import { EditionsModule } from '../editions/editions.module';
import { NominationsConsumer } from './nominations.consumer';
import { RescoreUseCase } from './rescore.use-case';
import { ScoreNominationsUseCase } from './score-nominations.use-case';
import { PgScoreStore, ScoreStore } from './score-store';
import { ScoreStatsController } from './score-stats.controller';
import { ScoreStatsUseCase } from './score-stats.use-case';
import { ScoresController } from './scores.controller';
import { ScoresQuery } from './scores.query';
import { WithdrawNominationUseCase } from './withdraw-nomination.use-case';

@Module({
  imports: [EditionsModule],
  controllers: [ScoresController, AssessmentsController, ScoreStatsController],
  providers: [
    { provide: ScoreStore, useClass: PgScoreStore },
    { provide: AssessmentStore, useClass: PgAssessmentStore },
    RescoreUseCase,
    ScoreNominationsUseCase,
    WithdrawNominationUseCase,
    RecordAssessmentUseCase,
    AssessmentQueueUseCase,
    MyAssessmentsUseCase,
    NominationAssessmentsUseCase,
    ScoresQuery,
    ScoreStatsUseCase,
    NominationsConsumer,
  ],
})
export class ScoresModule {}
