import { Injectable } from '@nestjs/common';
import type { EditionDefinition } from '@paritrana/contracts';
import { StoredOnce, type Tx } from '@paritrana/platform';
import { EditionStore } from './edition-store';

@Injectable()
export class PostgresEditionStore extends EditionStore {
  override async save(tx: Tx, definition: EditionDefinition): Promise<void> {
    await tx.query(
      'INSERT INTO ranking.editions (code, definition) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition',
      [definition.code, definition],
    );
  }

  /** Read once: a definition never changes (StoredOnce). */
  private readonly definitions = new StoredOnce<EditionDefinition>();

  override find(tx: Tx, code: string): Promise<EditionDefinition | undefined> {
    return this.definitions.get(code, async () => {
      const rows: { definition: EditionDefinition }[] = await tx.query('SELECT definition FROM ranking.editions WHERE code = $1', [code]);
      return rows[0]?.definition;
    });
  }
}
