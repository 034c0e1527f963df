import { Injectable } from '@nestjs/common';
import type { Tx } from '@paritrana/platform';
import { ContactStore, type ContactVersion } from './contact-store';

/** Keeps the contact of the newest version seen: a stale amendment or a late submission changes nothing. */
@Injectable()
export class KeepContactsUseCase {
  constructor(private readonly contacts: ContactStore) {}

  async execute(versions: ContactVersion[], tx: Tx): Promise<{ kept: number }> {
    const newest = new Map<string, ContactVersion>();
    for (const n of versions) if ((newest.get(n.nominationId)?.version ?? 0) < n.version) newest.set(n.nominationId, n);
    await this.contacts.keep(tx, [...newest.values()]);
    return { kept: newest.size };
  }
}
