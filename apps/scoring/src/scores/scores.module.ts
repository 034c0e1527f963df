import { Module } from '@nestjs/common';
import { AssessmentsController } from '../assessments/assessments.controller';
import { RecordAssessmentUseCase } from '../assessments/record-assessment.use-case';
import { NominationsConsumer } from './nominations.consumer';
import { RescoreUseCase } from './rescore.use-case';
import { ScoresController } from './scores.controller';
import { ScoringStore } from './scoring-store';

@Module({
  controllers: [ScoresController, AssessmentsController],
  providers: [ScoringStore, RescoreUseCase, NominationsConsumer, RecordAssessmentUseCase],
})
export class ScoresModule {}
