import type { EditionDefinition } from '@paritrana/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'editions' })
export class EditionEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('jsonb')
  definition!: EditionDefinition;

  @Column('text', { name: 'defined_by' })
  definedBy!: string;

  @CreateDateColumn({ name: 'defined_at', type: 'timestamptz' })
  definedAt!: Date;
}
