import { Injectable } from '@nestjs/common';
import { canReadNomination, findCategory, type Principal, type ScoreStatus } from '@paritrana/contracts';
import { AuditLog, DomainError, type FieldError, nominationOutOfScope, Transactions } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { EditionStore } from '../editions/edition-store';
import { RescoreUseCase } from '../scores/rescore.use-case';
import { ScoreStore } from '../scores/score-store';
import { isFiniteNumber } from './assessment.dto';
import { sitsOnPanel } from './assessment-panel';
import { AssessmentStore } from './assessment-store';

export interface RecordAssessmentCommand {
  nominationId: string;
  round: string;
  scores: Record<string, number>;
  conflictOfInterest?: boolean;
  comment?: string;
  by: Principal;
}

export interface AssessmentRecorded {
  id: string;
  /** The assessor's earlier assessment of that round, now superseded. */
  supersedes?: string;
  score: { status: ScoreStatus; total: number };
}

/**
 * Records an assessor's scores for one nomination and round. The assessor's earlier assessment of
 * that round is superseded, never overwritten; the nomination is re-scored in the same transaction.
 */
@Injectable()
export class RecordAssessmentUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly scores: ScoreStore,
    private readonly assessments: AssessmentStore,
    private readonly editions: EditionStore,
    private readonly rescore: RescoreUseCase,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: RecordAssessmentCommand, now = new Date()): Promise<AssessmentRecorded> {
    const { by, ...dto } = command;
    return this.transactions.run(async (tx) => {
      const nomination = await this.scores.nomination(tx, dto.nominationId, true);
      if (!nomination) throw DomainError.notFound('NOMINATION_NOT_FOUND', `No nomination ${dto.nominationId} to assess (yet)`);
      if (!canReadNomination(by, nomination)) throw nominationOutOfScope(nomination);
      if (!sitsOnPanel(by, nomination)) {
        throw DomainError.forbidden(
          'ASSESSMENT_OUT_OF_SCOPE',
          nomination.tier === 'provincial'
            ? `Only assessors of province ${nomination.province} assess this nomination`
            : 'Only the national jury (assessors without provinces) assesses the national round',
        );
      }
      if (nomination.withdrawnAt) throw DomainError.conflict('NOMINATION_WITHDRAWN', `Nomination ${dto.nominationId} was withdrawn`);
      const edition = await this.editions.get(tx, nomination.edition);
      const rubric = findCategory(edition, nomination.category)?.rubrics[nomination.tier];
      const criteria = (rubric?.criteria ?? []).filter((c) => 'panel' in c.value && c.value.panel === dto.round);
      const conflict = dto.conflictOfInterest ?? false;
      const errors: FieldError[] = [];
      if (criteria.length === 0) errors.push({ path: 'round', message: `the rubric has no panel criteria for round ${dto.round}` });
      for (const [code, value] of Object.entries(dto.scores)) {
        const criterion = criteria.find((c) => c.code === code);
        if (!criterion) errors.push({ path: `scores.${code}`, message: `is not a panel criterion of round ${dto.round}` });
        else if (!isFiniteNumber(value)) errors.push({ path: `scores.${code}`, message: 'must be a number' });
        else if ('linear' in criterion.scale && (value < criterion.scale.linear.min || value > criterion.scale.linear.max)) {
          errors.push({
            path: `scores.${code}`,
            message: `must be within ${criterion.scale.linear.min} and ${criterion.scale.linear.max}`,
          });
        }
      }
      if (!conflict && criteria.length > 0) {
        for (const c of criteria) if (!(c.code in dto.scores)) errors.push({ path: `scores.${c.code}`, message: 'is required' });
      }
      if (errors.length > 0) throw DomainError.invalid('ASSESSMENT_INVALID', 'The assessment has invalid fields', errors);

      const id = randomUUID();
      const supersedes = await this.assessments.record(tx, {
        id,
        nominationId: nomination.nominationId,
        assessor: by.sub,
        assessorName: by.name,
        round: dto.round,
        scores: conflict ? {} : dto.scores,
        conflictOfInterest: conflict,
        comment: dto.comment ?? null,
        submittedAt: now.toISOString(),
      });
      await this.rescore.execute([{ nomination }], tx);
      const after = (await this.scores.nomination(tx, nomination.nominationId))!;
      await this.audit.record(tx, by, [
        {
          action: 'assessment.recorded',
          nominationId: nomination.nominationId,
          ...(nomination.tier === 'provincial' ? { province: nomination.province } : {}),
          details: {
            assessmentId: id,
            round: dto.round,
            conflictOfInterest: conflict,
            ...(supersedes ? { supersedes } : {}),
            score: { status: after.status, total: after.total },
          },
        },
      ]);
      return { id, ...(supersedes ? { supersedes } : {}), score: { status: after.status, total: after.total } };
    });
  }
}
