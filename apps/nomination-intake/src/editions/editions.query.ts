import { Injectable } from '@nestjs/common';
import type { EditionDefinition } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';
import { EditionStore } from './edition.store';

export const editionNotFound = (code: string): DomainError =>
  DomainError.notFound('EDITION_NOT_FOUND', `No edition ${code}; list of editions is defined by the secretariat`);

@Injectable()
export class EditionsQuery {
  constructor(private readonly editions: EditionStore) {}

  async get(code: string): Promise<EditionDefinition> {
    const edition = await this.editions.find(code);
    if (!edition) throw editionNotFound(code);
    return edition;
  }

  /** Every edition, newest first; a handful (one a year), so never paged. */
  async list(): Promise<{ editions: EditionDefinition[] }> {
    return { editions: await this.editions.list() };
  }
}
