import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NominationsConsumer } from './nominations.consumer';
import { ScoreNominationUseCase } from './score-nomination.use-case';
import { ScoreEntity } from './score.entity';
import { ScoresController } from './scores.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ScoreEntity])],
  controllers: [ScoresController],
  providers: [ScoreNominationUseCase, NominationsConsumer],
})
export class ScoresModule {}
