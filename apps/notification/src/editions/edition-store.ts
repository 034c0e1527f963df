import { Injectable } from '@nestjs/common';
import type { EditionDefinition } from '@paritrana/contracts';
import { DomainError, StoredOnce, type Tx } from '@paritrana/platform';

/** Notification's projection of the editions defined by intake: names for the emails and certificates. */
export abstract class EditionStore {
  abstract save(tx: Tx, definition: EditionDefinition): Promise<void>;

  abstract find(tx: Tx, code: string): Promise<EditionDefinition | undefined>;

  /** The edition a consumed event needs; missing means its definition has not arrived yet (transient). */
  async get(tx: Tx, code: string): Promise<EditionDefinition> {
    const edition = await this.find(tx, code);
    if (!edition) throw DomainError.unavailable('EDITION_NOT_YET_KNOWN', `Edition ${code} has not reached notification yet`);
    return edition;
  }
}

@Injectable()
export class PgEditionStore extends EditionStore {
  override async save(tx: Tx, definition: EditionDefinition): Promise<void> {
    await tx.query(
      'INSERT INTO notification.editions (code, definition) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition',
      [definition.code, definition],
    );
  }

  /** Read once: a definition never changes (StoredOnce). */
  private readonly definitions = new StoredOnce<EditionDefinition>();

  override find(tx: Tx, code: string): Promise<EditionDefinition | undefined> {
    return this.definitions.get(code, async () => {
      const rows: { definition: EditionDefinition }[] = await tx.query('SELECT definition FROM notification.editions WHERE code = $1', [
        code,
      ]);
      return rows[0]?.definition;
    });
  }
}
