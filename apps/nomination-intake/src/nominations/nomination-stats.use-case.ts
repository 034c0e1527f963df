import { Injectable } from '@nestjs/common';
import { canReadNomination, type Principal } from '@paritrana/contracts';
import { statsEdition } from '@paritrana/platform';
import { NominationStore, type CategoryCount, type NominationCount } from './nomination.store';

export interface NominationStats {
  edition: string;
  provinces: NominationCount[];
  categories: CategoryCount[];
}

/**
 * An edition's nominations counted by tier, province and status, and by category too: the whole
 * country for the secretariat's dashboard, the reader's own scope for everyone else (a regional
 * office's home), never a count of nominations the reader could not list.
 */
@Injectable()
export class NominationStatsUseCase {
  constructor(private readonly nominations: NominationStore) {}

  async execute(query: { edition?: unknown }, reader: Principal): Promise<NominationStats> {
    const edition = statsEdition(query.edition);
    const categories = (await this.nominations.countByCategory(edition)).filter((c) => canReadNomination(reader, c));
    const provinces = new Map<string, NominationCount>();
    for (const { tier, province, submitted, withdrawn } of categories) {
      const key = `${tier}|${province}`;
      const count = provinces.get(key) ?? { tier, province, submitted: 0, withdrawn: 0 };
      count.submitted += submitted;
      count.withdrawn += withdrawn;
      provinces.set(key, count);
    }
    return { edition, provinces: [...provinces.values()], categories };
  }
}
