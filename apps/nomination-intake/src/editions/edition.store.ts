import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EditionDefinition } from '@paritrana/contracts';
import { StoredOnce, type Tx } from '@paritrana/platform';
import { DataSource } from 'typeorm';

/** The editions intake knows: every read and write of `intake.editions`. */
export abstract class EditionStore {
  /** Reads inside `tx` when given, else on its own. */
  abstract find(code: string, tx?: Tx): Promise<EditionDefinition | undefined>;
  /** False when an edition with this code exists already (nothing is written). */
  abstract insert(tx: Tx, definition: EditionDefinition, definedBy: string): Promise<boolean>;
  /** Every edition, the newest award year first. */
  abstract list(): Promise<EditionDefinition[]>;
}

@Injectable()
export class PostgresEditionStore extends EditionStore {
  /** Read once: a definition never changes once inserted (StoredOnce). */
  private readonly definitions = new StoredOnce<EditionDefinition>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  override find(code: string, tx: Tx = this.dataSource.manager): Promise<EditionDefinition | undefined> {
    return this.definitions.get(code, async () => {
      const rows: { definition: EditionDefinition }[] = await tx.query('SELECT definition FROM intake.editions WHERE code = $1', [code]);
      return rows[0]?.definition;
    });
  }

  override async insert(tx: Tx, definition: EditionDefinition, definedBy: string): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      'INSERT INTO intake.editions (code, definition, defined_by) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code',
      [definition.code, JSON.stringify(definition), definedBy],
    );
    return inserted.length > 0;
  }

  override async list(): Promise<EditionDefinition[]> {
    const rows: { definition: EditionDefinition }[] = await this.dataSource.query(
      "SELECT definition FROM intake.editions ORDER BY (definition->>'awardYear')::int DESC, code DESC",
    );
    return rows.map((row) => row.definition);
  }
}
