import { Injectable } from '@nestjs/common';
import { statsEdition } from '@paritrana/platform';
import { NominationStore, type NominationCount } from './nomination.store';

export interface NominationStats {
  edition: string;
  provinces: NominationCount[];
}

/** The secretariat's national count of an edition's nominations, by tier, province and status. */
@Injectable()
export class NominationStatsUseCase {
  constructor(private readonly nominations: NominationStore) {}

  async execute(query: { edition?: unknown }): Promise<NominationStats> {
    const edition = statsEdition(query.edition);
    return { edition, provinces: await this.nominations.countByProvince(edition) };
  }
}
