import { Injectable } from '@nestjs/common';
import type { EditionDefinition } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from './edition-store';

/** Keeps scoring's copy of an edition's definition; a redefinition replaces it. */
@Injectable()
export class ProjectEditionUseCase {
  constructor(private readonly editions: EditionStore) {}

  async execute(definition: EditionDefinition, tx: Tx): Promise<{ code: string }> {
    await this.editions.save(tx, definition);
    return { code: definition.code };
  }
}
