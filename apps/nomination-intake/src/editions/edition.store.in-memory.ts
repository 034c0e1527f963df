import type { EditionDefinition } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from './edition.store';

/** The edition store for unit tests. */
export class InMemoryEditionStore extends EditionStore {
  readonly editions = new Map<string, { definition: EditionDefinition; definedBy: string }>();

  constructor(...definitions: EditionDefinition[]) {
    super();
    for (const definition of definitions)
      this.editions.set(definition.code, { definition: structuredClone(definition), definedBy: 'seed' });
  }

  override async find(code: string): Promise<EditionDefinition | undefined> {
    const stored = this.editions.get(code);
    return stored && structuredClone(stored.definition);
  }

  override async insert(_tx: Tx, definition: EditionDefinition, definedBy: string): Promise<boolean> {
    if (this.editions.has(definition.code)) return false;
    this.editions.set(definition.code, { definition: structuredClone(definition), definedBy });
    return true;
  }

  override async list(): Promise<EditionDefinition[]> {
    return [...this.editions.values()]
      .map((stored) => structuredClone(stored.definition))
      .sort((a, b) => b.awardYear - a.awardYear || b.code.localeCompare(a.code));
  }
}
