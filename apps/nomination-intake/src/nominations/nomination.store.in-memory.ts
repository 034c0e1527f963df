import type { Tx } from '@paritrana/platform';
import type { ReadScope } from './nomination-access';
import type { NominationEntity } from './nomination.entity';
import { NominationStore, type CategoryCount, type NominationFilter, type NominationPage } from './nomination.store';

const identity = (n: NominationEntity) => `${n.edition}|${n.tier}|${n.category}|${n.nomineeKey}`;

const inScope = (scope: ReadScope, n: NominationEntity): boolean => {
  if (scope.kind === 'everything') return true;
  if (scope.kind === 'provinces') return scope.provinces.includes(n.province);
  if (scope.kind === 'national-round') return n.tier === 'national';
  return false;
};

/** The nomination store for unit tests, with the table's one-nomination-per-nominee rule. */
export class InMemoryNominationStore extends NominationStore {
  readonly nominations = new Map<string, NominationEntity>();

  all(): NominationEntity[] {
    return [...this.nominations.values()].map((n) => structuredClone(n));
  }

  override async insert(_tx: Tx, nominations: NominationEntity[]): Promise<Set<string>> {
    const taken = new Set([...this.nominations.values()].map(identity));
    const stored = new Set<string>();
    for (const n of nominations) {
      if (this.nominations.has(n.id) || taken.has(identity(n))) continue;
      this.nominations.set(n.id, structuredClone(n));
      taken.add(identity(n));
      stored.add(n.id);
    }
    return stored;
  }

  override async alreadyNominated(nominations: NominationEntity[]): Promise<Set<string>> {
    const taken = new Set([...this.nominations.values()].map(identity));
    return new Set(nominations.filter((n) => taken.has(identity(n))).map((n) => n.id));
  }

  override async find(id: string): Promise<NominationEntity | undefined> {
    const n = this.nominations.get(id);
    return n && structuredClone(n);
  }

  override async findMany(_tx: Tx, ids: string[]): Promise<NominationEntity[]> {
    return ids.flatMap((id) => {
      const n = this.nominations.get(id);
      return n ? [structuredClone(n)] : [];
    });
  }

  override findForUpdate(_tx: Tx, id: string): Promise<NominationEntity | undefined> {
    return this.find(id);
  }

  override async update(_tx: Tx, nomination: NominationEntity): Promise<void> {
    if (this.nominations.has(nomination.id)) this.nominations.set(nomination.id, structuredClone(nomination));
  }

  override async list(scope: ReadScope, filter: NominationFilter, page: number, pageSize: number): Promise<NominationPage> {
    const matching = [...this.nominations.values()]
      .filter((n) => inScope(scope, n))
      .filter((n) =>
        (['edition', 'tier', 'province', 'category', 'status'] as const).every((f) => filter[f] === undefined || n[f] === filter[f]),
      )
      .filter((n) => !filter.q?.trim() || matchesName(n, filter.q))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
    const items = matching.slice((page - 1) * pageSize, page * pageSize).map((n) => structuredClone(n));
    return { items, total: matching.length };
  }

  override async countByCategory(edition: string): Promise<CategoryCount[]> {
    const counts = new Map<string, CategoryCount>();
    for (const n of this.nominations.values()) {
      if (n.edition !== edition) continue;
      const key = `${n.tier === 'provincial' ? 0 : 1}|${n.province}|${n.category}`;
      const count = counts.get(key) ?? { tier: n.tier, province: n.province, category: n.category, submitted: 0, withdrawn: 0 };
      count[n.status]++;
      counts.set(key, count);
    }
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, count]) => count);
  }
}

/** The same search as the PostgreSQL store's: every word of `q` in the name, in order, any case; or the NPP's start. */
function matchesName(n: NominationEntity, q: string): boolean {
  const words = q.trim().toLowerCase().split(/\s+/);
  const name = (n.nominee.name ?? '').toLowerCase();
  let from = 0;
  const inName = words.every((word) => {
    const at = name.indexOf(word, from);
    from = at + word.length;
    return at >= 0;
  });
  return inName || ('npp' in n.nominee && typeof n.nominee.npp === 'string' && n.nominee.npp.startsWith(q.trim()));
}
