import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EditionDefinition } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';
import { Repository } from 'typeorm';
import { EditionEntity } from './edition.entity';

@Injectable()
export class EditionsQuery {
  constructor(@InjectRepository(EditionEntity) private readonly editions: Repository<EditionEntity>) {}

  async find(code: string): Promise<EditionDefinition | undefined> {
    return (await this.editions.findOneBy({ code }))?.definition;
  }

  async get(code: string): Promise<EditionDefinition> {
    const edition = await this.find(code);
    if (!edition) throw DomainError.notFound('EDITION_NOT_FOUND', `No edition ${code}; list of editions is defined by the secretariat`);
    return edition;
  }
}
