import type { Contact, NominationDocument, Nominee, Tier } from '@paritrana/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const NOMINATION_STATUSES = ['submitted', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

@Entity({ name: 'nominations' })
export class NominationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  edition!: string;

  @Column('text')
  tier!: Tier;

  @Column('char', { length: 2 })
  province!: string;

  @Column('text')
  category!: string;

  /** What makes a nominee unique within an edition, tier and category: its region code, or its NPP for employers. */
  @Column('text', { name: 'nominee_key' })
  nomineeKey!: string;

  @Column('jsonb')
  nominee!: Nominee;

  @Column('jsonb')
  contact!: Contact;

  @Column('jsonb')
  indicators!: Record<string, unknown>;

  @Column('jsonb')
  documents!: NominationDocument[];

  @Column('text')
  status!: NominationStatus;

  /** 1 at submission, +1 with each amendment. */
  @Column('integer')
  version!: number;

  @Column('text', { name: 'submitted_by' })
  submittedBy!: string;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  /** Set on national-round nominations created by advancement. */
  @Column('jsonb', { name: 'advanced_from', nullable: true })
  advancedFrom!: { nominationId: string; boardId: string; rank: number } | null;
}
