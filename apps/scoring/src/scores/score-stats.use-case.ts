import { Injectable } from '@nestjs/common';
import { statsEdition, Transactions } from '@paritrana/platform';
import { ScoreStore, type ScoreCount } from './score-store';

export interface ScoreStats {
  edition: string;
  provinces: ScoreCount[];
}

/** The secretariat's national count of an edition's scores, by tier, province and status. */
@Injectable()
export class ScoreStatsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly scores: ScoreStore,
  ) {}

  async execute(query: { edition?: unknown }): Promise<ScoreStats> {
    const edition = statsEdition(query.edition);
    return { edition, provinces: await this.transactions.read((tx) => this.scores.countByProvince(tx, edition)) };
  }
}
