import { Injectable } from '@nestjs/common';
import type { CriterionScore, Nominee, ScoreStatus, Tier } from '@paritrana/contracts';
import type { Tx } from '@paritrana/platform';

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

/** What a nomination event brings: its content at one version. */
export type NominationVersion = Pick<
  ScoredNomination,
  'nominationId' | 'edition' | 'tier' | 'province' | 'category' | 'nominee' | 'indicators' | 'version'
>;

export type NominationKey = Pick<ScoredNomination, 'nominationId' | 'edition' | 'tier' | 'province' | 'category'>;

/** What the assessors' screens show of a nomination. */
export type NominationSummary = NominationKey & Pick<ScoredNomination, 'nominee' | 'status' | 'withdrawnAt'>;

export type Score = Pick<ScoredNomination, 'nominationId' | 'status' | 'total' | 'rubricVersion' | 'criteria' | 'reasons' | 'calculatedAt'>;

/** How many nominations of an edition one province holds in one tier, by their score's status; withdrawn ones apart. */
export interface ScoreCount {
  tier: Tier;
  province: string;
  provisional: number;
  final: number;
  ineligible: number;
  withdrawn: number;
}

/** The nominations scoring knows (its projection of nomination events) with their current score. */
export abstract class ScoreStore {
  /** With `lock`, the row stays locked until the transaction ends. */
  abstract nomination(tx: Tx, nominationId: string, lock?: boolean): Promise<ScoredNomination | undefined>;

  /** Nominations competing under one rubric (withdrawn ones left out): the pool of a normalisation, by id. */
  abstract pool(tx: Tx, edition: string, tier: Tier, category: string): Promise<ScoredNomination[]>;

  /** Serialises the re-scoring of one pool across transactions until this one ends. */
  abstract lockPool(tx: Tx, edition: string, tier: Tier, category: string): Promise<void>;

  /** The database's clock: one clock for every replica, read inside the transaction that stamps a score. */
  abstract now(tx: Tx): Promise<Date>;

  /** A board's nominations, best first; all provinces when `provinces` is undefined. */
  abstract byProvinces(tx: Tx, edition: string, tier: Tier, category: string, provinces: string[] | undefined): Promise<ScoredNomination[]>;

  /**
   * The nominations of one edition and tier that assessors may score: not withdrawn, their content
   * arrived; all provinces when `provinces` is undefined. By category, province and nominee name.
   */
  abstract assessable(tx: Tx, edition: string, tier: Tier, provinces: string[] | undefined): Promise<NominationSummary[]>;

  /** These nominations, withdrawn ones included. */
  abstract summaries(tx: Tx, nominationIds: string[]): Promise<NominationSummary[]>;

  /**
   * Stores each nomination's content when it is newer than what is held; returns the rows stored
   * (a stale or repeated version is left out). One version per nomination.
   */
  abstract upsertNominations(tx: Tx, nominations: NominationVersion[]): Promise<ScoredNomination[]>;

  /** Marks the nomination withdrawn; a withdrawal arriving before its submission leaves a version-0 row the submission fills in. */
  abstract withdraw(tx: Tx, nomination: NominationKey, at: string): Promise<void>;

  abstract saveScores(tx: Tx, scores: Score[]): Promise<void>;

  /** The edition's nominations counted by tier and province (provincial first, then by province code); only non-empty ones. */
  abstract countByProvince(tx: Tx, edition: string): Promise<ScoreCount[]>;
}

const SCORE_COLUMNS = `nomination_id AS "nominationId", edition, tier, province, category, nominee, indicators, status, total::float8 AS total,
  rubric_version AS "rubricVersion", criteria, reasons, calculated_at AS "calculatedAt", withdrawn_at AS "withdrawnAt", version`;

const SUMMARY_COLUMNS = `nomination_id AS "nominationId", edition, tier, province, category, nominee, status, withdrawn_at AS "withdrawnAt"`;

@Injectable()
export class PgScoreStore extends ScoreStore {
  override async nomination(tx: Tx, nominationId: string, lock = false): Promise<ScoredNomination | undefined> {
    const rows: ScoredNomination[] = await tx.query(
      `SELECT ${SCORE_COLUMNS} FROM scoring.scores WHERE nomination_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [nominationId],
    );
    return rows[0];
  }

  override async pool(tx: Tx, edition: string, tier: Tier, category: string): Promise<ScoredNomination[]> {
    return tx.query(
      `SELECT ${SCORE_COLUMNS} FROM scoring.scores WHERE edition = $1 AND tier = $2 AND category = $3 AND withdrawn_at IS NULL ORDER BY nomination_id`,
      [edition, tier, category],
    );
  }

  override async lockPool(tx: Tx, edition: string, tier: Tier, category: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${edition}|${tier}|${category}`]);
  }

  override async now(tx: Tx): Promise<Date> {
    const [{ now }] = (await tx.query('SELECT clock_timestamp() AS now')) as { now: Date }[];
    return now;
  }

  override async byProvinces(
    tx: Tx,
    edition: string,
    tier: Tier,
    category: string,
    provinces: string[] | undefined,
  ): Promise<ScoredNomination[]> {
    return tx.query(
      `SELECT ${SCORE_COLUMNS} FROM scoring.scores WHERE edition = $1 AND tier = $2 AND category = $3 AND withdrawn_at IS NULL
       AND ($4::text[] IS NULL OR province = ANY($4)) ORDER BY total DESC, nomination_id`,
      [edition, tier, category, provinces ?? null],
    );
  }

  override async assessable(tx: Tx, edition: string, tier: Tier, provinces: string[] | undefined): Promise<NominationSummary[]> {
    return tx.query(
      `SELECT ${SUMMARY_COLUMNS} FROM scoring.scores WHERE edition = $1 AND tier = $2 AND withdrawn_at IS NULL AND nominee IS NOT NULL
       AND ($3::text[] IS NULL OR province = ANY($3)) ORDER BY category, province, nominee->>'name', nomination_id`,
      [edition, tier, provinces ?? null],
    );
  }

  override async summaries(tx: Tx, nominationIds: string[]): Promise<NominationSummary[]> {
    if (nominationIds.length === 0) return [];
    return tx.query(`SELECT ${SUMMARY_COLUMNS} FROM scoring.scores WHERE nomination_id = ANY($1::uuid[])`, [nominationIds]);
  }

  override async upsertNominations(tx: Tx, nominations: NominationVersion[]): Promise<ScoredNomination[]> {
    if (nominations.length === 0) return [];
    const column = <K extends keyof NominationVersion>(key: K) => nominations.map((n) => n[key]);
    return tx.query(
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

  override async withdraw(tx: Tx, n: NominationKey, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO scoring.scores (nomination_id, edition, tier, province, category, indicators, version, status, total, rubric_version, criteria, reasons, calculated_at, withdrawn_at)
       VALUES ($1, $2, $3, $4, $5, '{}', 0, 'provisional', 0, 0, '[]', '[]', now(), $6)
       ON CONFLICT (nomination_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
      [n.nominationId, n.edition, n.tier, n.province, n.category, at],
    );
  }

  /** In one statement. */
  override async saveScores(tx: Tx, scores: Score[]): Promise<void> {
    if (scores.length === 0) return;
    await tx.query(
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

  override countByProvince(tx: Tx, edition: string): Promise<ScoreCount[]> {
    return tx.query(
      `SELECT tier, province,
              count(*) FILTER (WHERE withdrawn_at IS NULL AND status = 'provisional')::int AS provisional,
              count(*) FILTER (WHERE withdrawn_at IS NULL AND status = 'final')::int AS final,
              count(*) FILTER (WHERE withdrawn_at IS NULL AND status = 'ineligible')::int AS ineligible,
              count(*) FILTER (WHERE withdrawn_at IS NOT NULL)::int AS withdrawn
       FROM scoring.scores WHERE edition = $1 AND (version > 0 OR withdrawn_at IS NOT NULL)
       GROUP BY tier, province ORDER BY tier DESC, province`,
      [edition],
    );
  }
}
