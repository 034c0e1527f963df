import { Module } from '@nestjs/common';
import { DefineEditionUseCase } from './define-edition.use-case';
import { EditionStore, PostgresEditionStore } from './edition.store';
import { EditionsController } from './editions.controller';
import { EditionsQuery } from './editions.query';

@Module({
  controllers: [EditionsController],
  providers: [DefineEditionUseCase, EditionsQuery, { provide: EditionStore, useClass: PostgresEditionStore }],
  exports: [EditionStore],
})
export class EditionsModule {}
