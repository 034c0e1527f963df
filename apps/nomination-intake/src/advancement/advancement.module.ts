import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { NominationsModule } from '../nominations/nominations.module';
import { AdvanceWinnersUseCase } from './advance-winners.use-case';
import { RankingsConsumer } from './rankings.consumer';

@Module({
  imports: [EditionsModule, NominationsModule],
  providers: [AdvanceWinnersUseCase, RankingsConsumer],
})
export class AdvancementModule {}
