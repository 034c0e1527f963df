import type { EditionDefinition } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from './edition-store';

export class InMemoryEditionStore extends EditionStore {
  readonly editions = new Map<string, EditionDefinition>();

  override async save(_tx: Tx, definition: EditionDefinition): Promise<void> {
    this.editions.set(definition.code, structuredClone(definition));
  }

  override async find(_tx: Tx, code: string): Promise<EditionDefinition | undefined> {
    const edition = this.editions.get(code);
    return edition && structuredClone(edition);
  }
}
