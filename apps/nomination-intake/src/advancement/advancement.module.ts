import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EditionsModule } from '../editions/editions.module';
import { AdvanceWinnersUseCase } from './advance-winners.use-case';
import { RankingsConsumer } from './rankings.consumer';

@Module({
  imports: [EditionsModule, AuditModule],
  providers: [AdvanceWinnersUseCase, RankingsConsumer],
})
export class AdvancementModule {}
