import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canReadNomination, findCategory, type Principal } from '@paritrana/contracts';
import { AuditLog, DomainError, type FieldError, nominationOutOfScope } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RescoreUseCase } from '../scores/rescore.use-case';
import { ScoringStore } from '../scores/scoring-store';
import { isFiniteNumber, type AssessmentRecordedDto, type RecordAssessmentDto } from './assessment.dto';

/**
 * Records an assessor's scores for one nomination and round. The assessor's earlier assessment of
 * that round is superseded, never overwritten; the nomination is re-scored in the same transaction.
 */
@Injectable()
export class RecordAssessmentUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ScoringStore,
    private readonly rescore: RescoreUseCase,
    private readonly audit: AuditLog,
  ) {}

  async execute(dto: RecordAssessmentDto, by: Principal, now = new Date()): Promise<AssessmentRecordedDto> {
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.store.nomination(manager, dto.nominationId, true);
      if (!nomination) throw DomainError.notFound('NOMINATION_NOT_FOUND', `No nomination ${dto.nominationId} to assess (yet)`);
      if (!canReadNomination(by, nomination)) throw nominationOutOfScope(nomination);
      const inScope =
        nomination.tier === 'provincial' ? (by.provinces ?? []).includes(nomination.province) : (by.provinces ?? []).length === 0;
      if (!inScope) {
        throw DomainError.forbidden(
          'ASSESSMENT_OUT_OF_SCOPE',
          nomination.tier === 'provincial'
            ? `Only assessors of province ${nomination.province} assess this nomination`
            : 'Only the national jury (assessors without provinces) assesses the national round',
        );
      }
      if (nomination.withdrawnAt) throw DomainError.conflict('NOMINATION_WITHDRAWN', `Nomination ${dto.nominationId} was withdrawn`);
      const edition = await this.store.edition(manager, nomination.edition);
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
      const supersedes = await this.store.recordAssessment(manager, {
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
      await this.rescore.rescore(manager, nomination);
      const after = (await this.store.nomination(manager, nomination.nominationId))!;
      await this.audit.record(manager, by, [
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
