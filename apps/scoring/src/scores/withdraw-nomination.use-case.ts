import { Injectable } from '@nestjs/common';
import type { CloudEvent, EventTypes } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';
import { RescoreUseCase, type ScoreCalculated } from './rescore.use-case';
import { ScoreStore } from './score-store';

export type NominationWithdrawn = CloudEvent<typeof EventTypes.NominationWithdrawn>;

/** Takes a withdrawn nomination out of its pool; under normalisation its assessments leave the pool, which moves the others. */
@Injectable()
export class WithdrawNominationUseCase {
  constructor(
    private readonly scores: ScoreStore,
    private readonly rescore: RescoreUseCase,
  ) {}

  async execute(withdrawal: NominationWithdrawn, tx: Tx): Promise<ScoreCalculated[]> {
    const { nominationId, edition, tier, province, category, withdrawnAt } = withdrawal.data;
    await this.scores.withdraw(tx, { nominationId, edition, tier, province, category }, withdrawnAt);
    const nomination = (await this.scores.nomination(tx, nominationId))!;
    // A withdrawal that overtook its submission has nothing to re-score yet.
    if (nomination.version === 0) return [];
    return this.rescore.execute([{ nomination, cause: withdrawal }], tx);
  }
}
