import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DefineEditionUseCase } from './define-edition.use-case';
import { EditionEntity } from './edition.entity';
import { EditionsController } from './editions.controller';
import { EditionsQuery } from './editions.query';

@Module({
  imports: [TypeOrmModule.forFeature([EditionEntity])],
  controllers: [EditionsController],
  providers: [DefineEditionUseCase, EditionsQuery],
  exports: [EditionsQuery],
})
export class EditionsModule {}
