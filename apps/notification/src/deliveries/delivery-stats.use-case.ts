import { Injectable } from '@nestjs/common';
import { TIERS, type Tier } from '@paritrana/contracts';
import { statsEdition, Transactions } from '@paritrana/platform';
import { ContactStore } from '../contacts/contact-store';
import { DeliveryStore } from './delivery-store';

/** How many congratulation emails of an edition went to one province's winners in one tier, by status. */
export interface DeliveryCount {
  tier: Tier;
  province: string;
  pending: number;
  sent: number;
  failed: number;
}

export interface DeliveryStats {
  edition: string;
  provinces: DeliveryCount[];
}

/** The board id's tier and scope: `{edition}:{tier}:{scope}:{category}`. */
const boardParts = (boardId: string) => {
  const [, tier, scope] = boardId.split(':');
  return { tier: TIERS.find((t) => t === tier) ?? 'national', scope };
};

/** The secretariat's national count of an edition's emails by tier and the winner's province (from its kept contact). */
@Injectable()
export class DeliveryStatsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly deliveries: DeliveryStore,
    private readonly contacts: ContactStore,
  ) {}

  async execute(query: { edition?: unknown }): Promise<DeliveryStats> {
    const edition = statsEdition(query.edition);
    return this.transactions.read(async (tx) => {
      const deliveries = await this.deliveries.ofEdition(tx, edition);
      const known = await this.contacts.find(tx, [...new Set(deliveries.map((d) => d.nominationId))]);
      const provinceOf = new Map(known.map((c) => [c.nominationId, c.province]));
      const counts = new Map<string, DeliveryCount>();
      for (const delivery of deliveries) {
        const { tier, scope } = boardParts(delivery.boardId);
        const province = provinceOf.get(delivery.nominationId) ?? scope;
        const key = `${tier === 'provincial' ? 0 : 1}|${province}`;
        const count = counts.get(key) ?? { tier, province, pending: 0, sent: 0, failed: 0 };
        count[delivery.status]++;
        counts.set(key, count);
      }
      return { edition, provinces: [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, count]) => count) };
    });
  }
}
