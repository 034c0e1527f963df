import { Injectable } from '@nestjs/common';
import type { CriterionScore, EditionDefinition, Nominee, ScoreStatus, Tier } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';
import type { EntityManager } from 'typeorm';

export interface ScoredNomination {
  nominationId: string;
  edition: string;
  tier: Tier;
  province: string;
  category: string;
  nominee: Nominee | null;
  indicators: Record<string, unknown>;
  status: ScoreStatus;
  total: number;
  rubricVersion: number;
  criteria: CriterionScore[];
  reasons: string[];
  calculatedAt: string;
  withdrawnAt: string | null;
  /** The nomination version the row holds; 0 while only its withdrawal has arrived. */
  version: number;
}

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

const SCORE_COLUMNS = `nomination_id AS "nominationId", edition, tier, province, category, nominee, indicators, status, total::float8 AS total,
  rubric_version AS "rubricVersion", criteria, reasons, calculated_at AS "calculatedAt", withdrawn_at AS "withdrawnAt", version`;
const ASSESSMENT_COLUMNS = `id, nomination_id AS "nominationId", assessor, assessor_name AS "assessorName", round, scores,
  conflict_of_interest AS "conflictOfInterest", comment, submitted_at AS "submittedAt", superseded_at AS "supersededAt", superseded_by AS "supersededBy"`;

/** Scoring's own tables: editions, the nominations it scores with their current score, and assessments. */
@Injectable()
export class ScoringStore {
  async edition(manager: EntityManager, code: string): Promise<EditionDefinition> {
    const rows: { definition: EditionDefinition }[] = await manager.query('SELECT definition FROM scoring.editions WHERE code = $1', [
      code,
    ]);
    if (rows.length === 0) throw DomainError.unavailable('EDITION_NOT_YET_KNOWN', `Edition ${code} has not reached scoring yet`);
    return rows[0].definition;
  }

  async nomination(manager: EntityManager, nominationId: string, lock = false): Promise<ScoredNomination | undefined> {
    const rows: ScoredNomination[] = await manager.query(
      `SELECT ${SCORE_COLUMNS} FROM scoring.scores WHERE nomination_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [nominationId],
    );
    return rows[0];
  }

  /** Nominations competing under one rubric: the pool of a normalisation. */
  async group(manager: EntityManager, edition: string, tier: Tier, category: string): Promise<ScoredNomination[]> {
    return manager.query(
      `SELECT ${SCORE_COLUMNS} FROM scoring.scores WHERE edition = $1 AND tier = $2 AND category = $3 AND withdrawn_at IS NULL ORDER BY nomination_id`,
      [edition, tier, category],
    );
  }

  async byProvinces(
    manager: EntityManager,
    edition: string,
    tier: Tier,
    category: string,
    provinces: string[] | undefined,
  ): Promise<ScoredNomination[]> {
    return manager.query(
      `SELECT ${SCORE_COLUMNS} FROM scoring.scores WHERE edition = $1 AND tier = $2 AND category = $3 AND withdrawn_at IS NULL
       AND ($4::text[] IS NULL OR province = ANY($4)) ORDER BY total DESC, nomination_id`,
      [edition, tier, category, provinces ?? null],
    );
  }

  /**
   * Stores each nomination's content when it is newer than what is held, in one statement; returns the
   * rows stored (a stale or repeated version is left out). One version per nomination: see newestVersions.
   */
  async upsertNominations(
    manager: EntityManager,
    nominations: Array<
      Pick<ScoredNomination, 'nominationId' | 'edition' | 'tier' | 'province' | 'category' | 'nominee' | 'indicators' | 'version'>
    >,
  ): Promise<ScoredNomination[]> {
    if (nominations.length === 0) return [];
    const column = <K extends keyof (typeof nominations)[number]>(key: K) => nominations.map((n) => n[key]);
    return manager.query(
      `INSERT INTO scoring.scores (nomination_id, edition, tier, province, category, nominee, indicators, version, status, total, rubric_version, criteria, reasons, calculated_at)
       SELECT n.nomination_id, n.edition, n.tier, n.province, n.category, n.nominee::jsonb, n.indicators::jsonb, n.version, 'provisional', 0, 0, '[]', '[]', now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])
         AS n(nomination_id, edition, tier, province, category, nominee, indicators, version)
       ON CONFLICT (nomination_id) DO UPDATE SET nominee = EXCLUDED.nominee, indicators = EXCLUDED.indicators, version = EXCLUDED.version
       WHERE scoring.scores.version < EXCLUDED.version
       RETURNING ${SCORE_COLUMNS}`,
      [
        column('nominationId'),
        column('edition'),
        column('tier'),
        column('province'),
        column('category'),
        nominations.map((n) => JSON.stringify(n.nominee)),
        nominations.map((n) => JSON.stringify(n.indicators)),
        column('version'),
      ],
    );
  }

  /** Marks the nomination withdrawn; a withdrawal arriving before its submission leaves a version-0 row the submission fills in. */
  async withdraw(
    manager: EntityManager,
    n: Pick<ScoredNomination, 'nominationId' | 'edition' | 'tier' | 'province' | 'category'>,
    at: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO scoring.scores (nomination_id, edition, tier, province, category, indicators, version, status, total, rubric_version, criteria, reasons, calculated_at, withdrawn_at)
       VALUES ($1, $2, $3, $4, $5, '{}', 0, 'provisional', 0, 0, '[]', '[]', now(), $6)
       ON CONFLICT (nomination_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
      [n.nominationId, n.edition, n.tier, n.province, n.category, at],
    );
  }

  /** Stores the scores in one statement. */
  async saveScores(
    manager: EntityManager,
    scores: Array<Pick<ScoredNomination, 'nominationId' | 'status' | 'total' | 'rubricVersion' | 'criteria' | 'reasons' | 'calculatedAt'>>,
  ) {
    if (scores.length === 0) return;
    await manager.query(
      `UPDATE scoring.scores s SET status = v.status, total = v.total, rubric_version = v.rubric_version, criteria = v.criteria::jsonb,
         reasons = v.reasons::jsonb, calculated_at = v.calculated_at
       FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::int[], $5::text[], $6::text[], $7::timestamptz[])
         AS v(nomination_id, status, total, rubric_version, criteria, reasons, calculated_at)
       WHERE s.nomination_id = v.nomination_id`,
      [
        scores.map((s) => s.nominationId),
        scores.map((s) => s.status),
        scores.map((s) => s.total),
        scores.map((s) => s.rubricVersion),
        scores.map((s) => JSON.stringify(s.criteria)),
        scores.map((s) => JSON.stringify(s.reasons)),
        scores.map((s) => s.calculatedAt),
      ],
    );
  }

  /** The current assessments of these nominations (superseded ones stay in the history). */
  async currentAssessments(manager: EntityManager, nominationIds: string[]): Promise<Assessment[]> {
    if (nominationIds.length === 0) return [];
    return manager.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM scoring.assessments WHERE nomination_id = ANY($1::uuid[]) AND superseded_at IS NULL ORDER BY submitted_at, id`,
      [nominationIds],
    );
  }

  async history(manager: EntityManager, nominationIds: string[]): Promise<Assessment[]> {
    if (nominationIds.length === 0) return [];
    return manager.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM scoring.assessments WHERE nomination_id = ANY($1::uuid[]) ORDER BY submitted_at, id`,
      [nominationIds],
    );
  }

  /** Supersedes the assessor's current assessment of that round, if any, and records the new one. */
  async recordAssessment(manager: EntityManager, a: Omit<Assessment, 'supersededAt' | 'supersededBy'>): Promise<string | undefined> {
    const superseded = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE scoring.assessments SET superseded_at = $5, superseded_by = $4
       WHERE nomination_id = $1 AND assessor = $2 AND round = $3 AND superseded_at IS NULL RETURNING id`,
        [a.nominationId, a.assessor, a.round, a.id, a.submittedAt],
      ),
    );
    await manager.query(
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
