import type { Tx } from '@paritrana/platform';
import { ContactStore, type ContactVersion, type KnownContact } from './contact-store';

export class InMemoryContactStore extends ContactStore {
  readonly contacts = new Map<string, ContactVersion>();

  override async keep(_tx: Tx, contacts: ContactVersion[]): Promise<void> {
    for (const c of contacts) {
      if ((this.contacts.get(c.nominationId)?.version ?? 0) < c.version) this.contacts.set(c.nominationId, structuredClone(c));
    }
  }

  override async find(_tx: Tx, nominationIds: string[]): Promise<KnownContact[]> {
    return nominationIds.flatMap((id) => {
      const held = this.contacts.get(id);
      if (!held) return [];
      const { edition, tier, province, category } = held;
      return [
        {
          nominationId: id,
          province,
          nominee: structuredClone(held.nominee),
          contact: structuredClone(held.contact),
          board: { edition, tier, category },
        },
      ];
    });
  }
}
