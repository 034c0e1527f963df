import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { AdvanceWinnersUseCase } from './advance-winners.use-case';
import { RankingsConsumer } from './rankings.consumer';

@Module({
  imports: [EditionsModule],
  providers: [AdvanceWinnersUseCase, RankingsConsumer],
})
export class AdvancementModule {}
