import { Injectable } from '@nestjs/common';
import type { Contact, Nominee, Tier } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';

/** A nomination's contact at one version of the nomination (a submission is version 1). */
export interface ContactVersion {
  nominationId: string;
  edition: string;
  tier: Tier;
  province: string;
  category: string;
  nominee: Nominee;
  contact: Contact;
  version: number;
}

/** A contact with what places its nomination on a board (null for contacts kept before the board was recorded). */
export type KnownContact = Pick<ContactVersion, 'nominationId' | 'province' | 'nominee' | 'contact'> & {
  board: Pick<ContactVersion, 'edition' | 'tier' | 'category'> | null;
};

/** Notification's projection of nominations' contacts: contacts never travel on the rankings topic. */
export abstract class ContactStore {
  /** Stores each contact unless a newer version is held; one version per nomination. */
  abstract keep(tx: Tx, contacts: ContactVersion[]): Promise<void>;

  abstract find(tx: Tx, nominationIds: string[]): Promise<KnownContact[]>;
}

@Injectable()
export class PgContactStore extends ContactStore {
  override async keep(tx: Tx, contacts: ContactVersion[]): Promise<void> {
    if (contacts.length === 0) return;
    await tx.query(
      `INSERT INTO notification.contacts (nomination_id, province, nominee, contact, version, edition, tier, category)
       SELECT c.nomination_id, c.province, c.nominee::jsonb, c.contact::jsonb, c.version, c.edition, c.tier, c.category
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])
         AS c(nomination_id, province, nominee, contact, version, edition, tier, category)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, contact = EXCLUDED.contact, version = EXCLUDED.version,
         edition = EXCLUDED.edition, tier = EXCLUDED.tier, category = EXCLUDED.category
       WHERE notification.contacts.version < EXCLUDED.version`,
      [
        contacts.map((n) => n.nominationId),
        contacts.map((n) => n.province),
        contacts.map((n) => JSON.stringify(n.nominee)),
        contacts.map((n) => JSON.stringify(n.contact)),
        contacts.map((n) => n.version),
        contacts.map((n) => n.edition),
        contacts.map((n) => n.tier),
        contacts.map((n) => n.category),
      ],
    );
  }

  override async find(tx: Tx, nominationIds: string[]): Promise<KnownContact[]> {
    if (nominationIds.length === 0) return [];
    return tx.query(
      `SELECT nomination_id AS "nominationId", province, nominee, contact,
         CASE WHEN edition IS NULL THEN NULL ELSE jsonb_build_object('edition', edition, 'tier', tier, 'category', category) END AS board
       FROM notification.contacts WHERE nomination_id = ANY($1::uuid[])`,
      [nominationIds],
    );
  }
}
