import { Module } from '@nestjs/common';
import { ListResultsUseCase } from './list-results.use-case';
import { ResultsController } from './results.controller';

/** Reads the boards' stores, which BoardsModule provides to the whole service. */
@Module({
  controllers: [ResultsController],
  providers: [ListResultsUseCase],
})
export class ResultsModule {}
