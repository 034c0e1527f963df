import { Injectable } from '@nestjs/common';
import type { EditionDefinition } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from './edition-store';

export interface RecordEditionCommand {
  definition: EditionDefinition;
}

/** Keeps ranking's copy of an edition's definition current; a redefinition replaces it. */
@Injectable()
export class RecordEditionUseCase {
  constructor(private readonly editions: EditionStore) {}

  async execute(command: RecordEditionCommand, tx: Tx): Promise<void> {
    await this.editions.save(tx, command.definition);
  }
}
