import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '../editions/editions.module';
import { NominationEntity } from './nomination.entity';
import { NominationsController } from './nominations.controller';
import { NominationsQuery } from './nominations.query';
import { SubmitNominationUseCase } from './submit-nomination.use-case';

@Module({
  imports: [TypeOrmModule.forFeature([NominationEntity]), EditionsModule],
  controllers: [NominationsController],
  providers: [SubmitNominationUseCase, NominationsQuery],
})
export class NominationsModule {}
