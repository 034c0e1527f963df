import type { CriterionScore, ScoreStatus, Tier } from '@paritrana/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

@Entity({ name: 'scores' })
export class ScoreEntity {
  @PrimaryColumn('uuid', { name: 'nomination_id' })
  nominationId!: string;

  @Column('text')
  edition!: string;

  @Column('text')
  tier!: Tier;

  @Column('char', { length: 2 })
  province!: string;

  @Column('text')
  category!: string;

  @Column('jsonb')
  indicators!: Record<string, unknown>;

  @Column('text')
  status!: ScoreStatus;

  @Column('numeric', { precision: 5, scale: 2, transformer: numeric })
  total!: number;

  @Column('integer', { name: 'rubric_version' })
  rubricVersion!: number;

  @Column('jsonb')
  criteria!: CriterionScore[];

  @Column('jsonb')
  reasons!: string[];

  @Column('timestamptz', { name: 'calculated_at' })
  calculatedAt!: Date;
}
