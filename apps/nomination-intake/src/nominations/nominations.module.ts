import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '../editions/editions.module';
import { ChangeNominationUseCase } from './change-nomination.use-case';
import { IdempotencyKeyStore, PostgresIdempotencyKeyStore } from './idempotency-key.store';
import { NominationRules } from './nomination-rules';
import { NominationStatsController } from './nomination-stats.controller';
import { NominationStatsUseCase } from './nomination-stats.use-case';
import { NominationEntity } from './nomination.entity';
import { NominationStore, PostgresNominationStore } from './nomination.store';
import { NominationsController } from './nominations.controller';
import { NominationsQuery } from './nominations.query';
import { SubmitBatchUseCase } from './submit-batch.use-case';
import { SubmitNominationUseCase } from './submit-nomination.use-case';

@Module({
  imports: [TypeOrmModule.forFeature([NominationEntity]), EditionsModule],
  controllers: [NominationsController, NominationStatsController],
  providers: [
    NominationRules,
    SubmitNominationUseCase,
    SubmitBatchUseCase,
    ChangeNominationUseCase,
    NominationsQuery,
    NominationStatsUseCase,
    { provide: NominationStore, useClass: PostgresNominationStore },
    { provide: IdempotencyKeyStore, useClass: PostgresIdempotencyKeyStore },
  ],
  exports: [NominationStore],
})
export class NominationsModule {}
