import { Injectable } from '@nestjs/common';
import type { Principal } from '@paritrana/contracts';
import { Transactions } from '@paritrana/platform';
import { ScoreStore, type NominationSummary } from '../scores/score-store';
import { AssessmentStore, type Assessment } from './assessment-store';

export interface MyAssessmentsQuery {
  edition: string;
  by: Principal;
}

export type MyAssessment = Assessment & {
  current: boolean;
  nomination: Pick<NominationSummary, 'tier' | 'province' | 'category' | 'nominee' | 'withdrawnAt'>;
};

export interface MyAssessments {
  edition: string;
  /** Newest first, superseded ones included. */
  assessments: MyAssessment[];
}

/** The assessor's own assessments in an edition ("Riwayat saya"), each with the nomination it scored. */
@Injectable()
export class MyAssessmentsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly scores: ScoreStore,
    private readonly assessments: AssessmentStore,
  ) {}

  execute({ edition, by }: MyAssessmentsQuery): Promise<MyAssessments> {
    return this.transactions.read(async (tx) => {
      const mine = await this.assessments.byAssessor(tx, by.sub);
      const nominations = new Map(
        (await this.scores.summaries(tx, [...new Set(mine.map((a) => a.nominationId))])).map((n) => [n.nominationId, n]),
      );
      const assessments = mine.flatMap((a) => {
        const n = nominations.get(a.nominationId);
        if (n?.edition !== edition) return [];
        const { tier, province, category, nominee, withdrawnAt } = n;
        return [{ ...a, current: a.supersededAt === null, nomination: { tier, province, category, nominee, withdrawnAt } }];
      });
      return { edition, assessments };
    });
  }
}
