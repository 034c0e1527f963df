import { Module } from '@nestjs/common';
import { EditionStore, PgEditionStore } from './edition-store';
import { EditionsConsumer } from './editions.consumer';
import { ProjectEditionUseCase } from './project-edition.use-case';

@Module({
  providers: [{ provide: EditionStore, useClass: PgEditionStore }, ProjectEditionUseCase, EditionsConsumer],
  exports: [EditionStore],
})
export class EditionsModule {}
