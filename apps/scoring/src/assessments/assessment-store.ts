import { Injectable } from '@nestjs/common';
import type { Tx } from '@paritrana/platform';

export interface Assessment {
  id: string;
  nominationId: string;
  assessor: string;
  assessorName: string;
  round: string;
  scores: Record<string, number>;
  conflictOfInterest: boolean;
  comment: string | null;
  submittedAt: string;
  supersededAt: string | null;
  supersededBy: string | null;
}

export type NewAssessment = Omit<Assessment, 'supersededAt' | 'supersededBy'>;

/** Assessors' scores; a new assessment supersedes the assessor's current one of that round, which stays in the history. */
export abstract class AssessmentStore {
  /** The current assessments of these nominations, oldest first. */
  abstract current(tx: Tx, nominationIds: string[]): Promise<Assessment[]>;

  /** Every assessment of these nominations, superseded ones included, oldest first. */
  abstract history(tx: Tx, nominationIds: string[]): Promise<Assessment[]>;

  /** One assessor's assessments, superseded ones included, newest first. */
  abstract byAssessor(tx: Tx, assessor: string): Promise<Assessment[]>;

  /** Records the assessment; returns the id of the one it superseded, if any. */
  abstract record(tx: Tx, assessment: NewAssessment): Promise<string | undefined>;
}

const ASSESSMENT_COLUMNS = `id, nomination_id AS "nominationId", assessor, assessor_name AS "assessorName", round, scores,
  conflict_of_interest AS "conflictOfInterest", comment, submitted_at AS "submittedAt", superseded_at AS "supersededAt", superseded_by AS "supersededBy"`;

@Injectable()
export class PgAssessmentStore extends AssessmentStore {
  override async current(tx: Tx, nominationIds: string[]): Promise<Assessment[]> {
    if (nominationIds.length === 0) return [];
    return tx.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM scoring.assessments WHERE nomination_id = ANY($1::uuid[]) AND superseded_at IS NULL ORDER BY submitted_at, id`,
      [nominationIds],
    );
  }

  override async history(tx: Tx, nominationIds: string[]): Promise<Assessment[]> {
    if (nominationIds.length === 0) return [];
    return tx.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM scoring.assessments WHERE nomination_id = ANY($1::uuid[]) ORDER BY submitted_at, id`,
      [nominationIds],
    );
  }

  override async byAssessor(tx: Tx, assessor: string): Promise<Assessment[]> {
    return tx.query(`SELECT ${ASSESSMENT_COLUMNS} FROM scoring.assessments WHERE assessor = $1 ORDER BY submitted_at DESC, id`, [assessor]);
  }

  override async record(tx: Tx, a: NewAssessment): Promise<string | undefined> {
    const superseded = updatedRows<{ id: string }>(
      await tx.query(
        `UPDATE scoring.assessments SET superseded_at = $5, superseded_by = $4
       WHERE nomination_id = $1 AND assessor = $2 AND round = $3 AND superseded_at IS NULL RETURNING id`,
        [a.nominationId, a.assessor, a.round, a.id, a.submittedAt],
      ),
    );
    await tx.query(
      `INSERT INTO scoring.assessments (id, nomination_id, assessor, assessor_name, round, scores, conflict_of_interest, comment, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.nominationId, a.assessor, a.assessorName, a.round, a.scores, a.conflictOfInterest, a.comment, a.submittedAt],
    );
    return superseded[0]?.id;
  }
}

/** TypeORM answers an UPDATE … RETURNING on Postgres with [rows, count]; a SELECT with rows. */
function updatedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
