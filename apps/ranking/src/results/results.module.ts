import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module';
import { ListResultsUseCase } from './list-results.use-case';
import { ResultsController } from './results.controller';

@Module({
  imports: [BoardsModule],
  controllers: [ResultsController],
  providers: [ListResultsUseCase],
})
export class ResultsModule {}
