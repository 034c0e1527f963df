import { Injectable } from '@nestjs/common';
import { canReadNomination, type Principal } from '@paritrana/contracts';
import { DomainError, nominationOutOfScope, Transactions } from '@paritrana/platform';
import { ScoreStore } from '../scores/score-store';
import { AssessmentStore, type Assessment } from './assessment-store';

export interface NominationAssessmentsQuery {
  nominationId: string;
  by: Principal;
}

export type AssessmentEntry = Omit<Assessment, 'nominationId'> & { current: boolean };

export interface NominationAssessments {
  nominationId: string;
  /** Oldest first, superseded ones included. */
  assessments: AssessmentEntry[];
  /** Rounds whose other assessors' assessments are withheld from this assessor until they score the round. */
  withheldRounds: string[];
}

/**
 * A nomination's assessment history within the reader's scope. An assessor always sees their own
 * assessments, and another assessor's of a round only once they have scored that round themselves
 * (a declared conflict does not count), so no one scores anchored on a colleague's numbers. Panel
 * chairs, the secretariat and admins see every assessment.
 */
@Injectable()
export class NominationAssessmentsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly scores: ScoreStore,
    private readonly assessments: AssessmentStore,
  ) {}

  execute({ nominationId, by }: NominationAssessmentsQuery): Promise<NominationAssessments> {
    return this.transactions.read(async (tx) => {
      const [nomination] = await this.scores.summaries(tx, [nominationId]);
      if (!nomination) throw DomainError.notFound('NOMINATION_NOT_FOUND', `No nomination ${nominationId} in scoring (yet)`);
      if (!canReadNomination(by, nomination)) throw nominationOutOfScope(nomination);
      const history = await this.assessments.history(tx, [nominationId]);
      const scored = new Set(
        history.filter((a) => a.assessor === by.sub && a.supersededAt === null && !a.conflictOfInterest).map((a) => a.round),
      );
      const visible = (a: Assessment) => by.role !== 'assessor' || a.assessor === by.sub || scored.has(a.round);
      return {
        nominationId,
        assessments: history.filter(visible).map(({ nominationId: _n, ...a }) => ({ ...a, current: a.supersededAt === null })),
        withheldRounds: [...new Set(history.filter((a) => !visible(a)).map((a) => a.round))],
      };
    });
  }
}
