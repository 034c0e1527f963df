import { Injectable } from '@nestjs/common';
import type { Contact, Nominee } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';

/** A nomination's contact at one version of the nomination (a submission is version 1). */
export interface ContactVersion {
  nominationId: string;
  province: string;
  nominee: Nominee;
  contact: Contact;
  version: number;
}

export type KnownContact = Pick<ContactVersion, 'nominationId' | 'province' | 'nominee' | 'contact'>;

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
      `INSERT INTO notification.contacts (nomination_id, province, nominee, contact, version)
       SELECT c.nomination_id, c.province, c.nominee::jsonb, c.contact::jsonb, c.version
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS c(nomination_id, province, nominee, contact, version)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, contact = EXCLUDED.contact, version = EXCLUDED.version
       WHERE notification.contacts.version < EXCLUDED.version`,
      [
        contacts.map((n) => n.nominationId),
        contacts.map((n) => n.province),
        contacts.map((n) => JSON.stringify(n.nominee)),
        contacts.map((n) => JSON.stringify(n.contact)),
        contacts.map((n) => n.version),
      ],
    );
  }

  override async find(tx: Tx, nominationIds: string[]): Promise<KnownContact[]> {
    if (nominationIds.length === 0) return [];
    return tx.query(
      'SELECT nomination_id AS "nominationId", province, nominee, contact FROM notification.contacts WHERE nomination_id = ANY($1::uuid[])',
      [nominationIds],
    );
  }
}
