import { Injectable } from '@nestjs/common';
import { findCategory, type Nominee, type Principal, type ScoreStatus, type Tier } from '@paritrana/contracts';
import { DomainError, Transactions } from '@paritrana/platform';
import { EditionStore } from '../editions/edition-store';
import { ScoreStore } from '../scores/score-store';
import { panelOf, panelRounds } from './assessment-panel';
import { AssessmentStore, type Assessment } from './assessment-store';

export interface AssessmentQueueQuery {
  edition: string;
  by: Principal;
}

/** The assessor's current assessment of a round. */
export interface MyRoundAssessment {
  id: string;
  submittedAt: string;
  conflictOfInterest: boolean;
}

export interface QueuedRound {
  round: string;
  /** Null while the assessor has not scored this round (nor declared a conflict in it). */
  mine: MyRoundAssessment | null;
  /** Current assessments of the round that count (conflicts left out), the assessor's own included. */
  assessors: number;
}

export interface QueuedNomination {
  nominationId: string;
  tier: Tier;
  province: string;
  category: string;
  nominee: Nominee;
  scoreStatus: ScoreStatus;
  minAssessors: number;
  rounds: QueuedRound[];
}

export interface AssessmentQueue {
  edition: string;
  nominations: QueuedNomination[];
}

/**
 * An assessor's work in an edition: every nomination of the panel they sit on that the rubric asks
 * assessors to score (withdrawn and ineligible ones left out), in the edition's order of categories, each round with the assessor's own assessment or
 * none yet. Other assessors are only counted, never shown.
 */
@Injectable()
export class AssessmentQueueUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly editions: EditionStore,
    private readonly scores: ScoreStore,
    private readonly assessments: AssessmentStore,
  ) {}

  execute({ edition, by }: AssessmentQueueQuery): Promise<AssessmentQueue> {
    return this.transactions.read(async (tx) => {
      const definition = await this.editions.find(tx, edition);
      if (!definition) throw DomainError.notFound('EDITION_NOT_FOUND', `No edition ${edition} in scoring`);
      const panel = panelOf(by);
      // An ineligible nomination stays off its board whatever the panel says: nothing to score.
      const candidates = (await this.scores.assessable(tx, edition, panel.tier, panel.provinces)).filter((n) => n.status !== 'ineligible');
      const assessable = candidates.flatMap((n) => {
        const rubric = findCategory(definition, n.category)?.rubrics[n.tier];
        const rounds = panelRounds(rubric);
        return rubric && n.nominee && rounds.length > 0 ? [{ ...n, nominee: n.nominee, minAssessors: rubric.minAssessors, rounds }] : [];
      });
      const order = new Map(definition.categories.map((c, i) => [c.code, i]));
      assessable.sort((a, b) => (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0));
      const byNomination = new Map<string, Assessment[]>();
      for (const a of await this.assessments.current(
        tx,
        assessable.map((n) => n.nominationId),
      ))
        byNomination.set(a.nominationId, [...(byNomination.get(a.nominationId) ?? []), a]);
      const nominations = assessable.map(({ nominationId, tier, province, category, nominee, status, minAssessors, rounds }) => {
        const ofNomination = byNomination.get(nominationId) ?? [];
        return {
          nominationId,
          tier,
          province,
          category,
          nominee,
          scoreStatus: status,
          minAssessors,
          rounds: rounds.map((round) => {
            const mine = ofNomination.find((a) => a.round === round && a.assessor === by.sub);
            return {
              round,
              mine: mine ? { id: mine.id, submittedAt: mine.submittedAt, conflictOfInterest: mine.conflictOfInterest } : null,
              assessors: ofNomination.filter((a) => a.round === round && !a.conflictOfInterest).length,
            };
          }),
        };
      });
      return { edition, nominations };
    });
  }
}
