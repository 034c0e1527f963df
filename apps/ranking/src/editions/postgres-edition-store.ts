import { Injectable } from '@nestjs/common';
import type { EditionDefinition } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { EditionStore } from './edition-store';

@Injectable()
export class PostgresEditionStore extends EditionStore {
  override async save(tx: Tx, definition: EditionDefinition): Promise<void> {
    await tx.query(
      'INSERT INTO ranking.editions (code, definition) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition',
      [definition.code, definition],
    );
  }

  override async find(tx: Tx, code: string): Promise<EditionDefinition | undefined> {
    const rows: { definition: EditionDefinition }[] = await tx.query('SELECT definition FROM ranking.editions WHERE code = $1', [code]);
    return rows[0]?.definition;
  }
}
