import { Injectable } from '@nestjs/common';
import { createEvent, EventTypes, findCategory, type CloudEvent, type EditionDefinition, type Rubric } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { DomainError, type Tx } from '@paritrana/platform';
import { AssessmentStore, type Assessment } from '../assessments/assessment-store';
import { EditionStore } from '../editions/edition-store';
import { zScoreNormalize } from '../rubric/panel-normalization';
import { scoreAgainstRubric, type NormalizedPanel, type PanelScores } from '../rubric/rubric-engine';
import { ScoreStore, type ScoredNomination } from './score-store';

/** A nomination whose inputs changed, and the event that changed them (the cause of its new score). */
export interface ScoreChange {
  nomination: ScoredNomination;
  cause?: CloudEvent;
}

export type ScoreCalculated = CloudEvent<typeof EventTypes.ScoreCalculated>;

/**
 * Recomputes scores from the current inputs — indicators and non-conflicted assessments — with
 * the rubric version in force, stores them and announces each as paritrana.score.calculated.v1.
 * With z-score normalisation, one assessment moves the whole pool, so the pool is re-scored.
 * Runs inside the caller's transaction; returns the events it published.
 */
@Injectable()
export class RescoreUseCase {
  constructor(
    private readonly scores: ScoreStore,
    private readonly assessments: AssessmentStore,
    private readonly editions: EditionStore,
    private readonly events: EventPublisher,
  ) {}

  /** Re-scores each changed nomination; those not under normalisation together, in one write and one publish. */
  async execute(changes: ScoreChange[], tx: Tx): Promise<ScoreCalculated[]> {
    const events: ScoreCalculated[] = [];
    const alone: Array<ScoreChange & { rubric: Rubric }> = [];
    const editions = new Map<string, EditionDefinition>();
    // Pools are locked in one order by every transaction (by pool, then nomination), never in the order the changes came.
    const ordered = [...changes].sort((a, b) => lockOrder(a.nomination).localeCompare(lockOrder(b.nomination)));
    for (const { nomination, cause } of ordered) {
      if (!editions.has(nomination.edition)) editions.set(nomination.edition, await this.editions.get(tx, nomination.edition));
      const edition = editions.get(nomination.edition)!;
      const rubric = findCategory(edition, nomination.category)?.rubrics[nomination.tier];
      if (!rubric)
        throw DomainError.invalid(
          'RUBRIC_MISSING',
          `Edition ${nomination.edition} has no ${nomination.tier} rubric for ${nomination.category}`,
        );
      if (edition.panelNormalization === 'zscore' && hasPanel(rubric))
        events.push(...(await this.rescorePool(tx, nomination, rubric, cause)));
      else alone.push({ nomination, rubric, cause });
    }
    const assessments = await this.assessments.current(
      tx,
      alone.map((c) => c.nomination.nominationId),
    );
    events.push(...(await this.score(tx, alone, panelsOf(assessments), new Map())));
    await this.events.publish(tx, events);
    return events;
  }

  /** With z-score normalisation, one change moves the whole pool: one pool is re-scored by one transaction at a time. */
  private async rescorePool(tx: Tx, changed: ScoredNomination, rubric: Rubric, cause?: CloudEvent): Promise<ScoreCalculated[]> {
    await this.scores.lockPool(tx, changed.edition, changed.tier, changed.category);
    const pool = await this.scores.pool(tx, changed.edition, changed.tier, changed.category);
    const assessments = await this.assessments.current(
      tx,
      pool.map((t) => t.nominationId),
    );
    const panels = panelsOf(assessments);
    const normalized = normalize(rubric, pool, assessments);
    const moved = pool.filter((n) => !sameScore(n, scoreOf(rubric, n, panels, normalized)));
    return this.score(
      tx,
      moved.map((nomination) => ({ nomination, rubric, cause })),
      panels,
      normalized,
    );
  }

  private async score(
    tx: Tx,
    targets: Array<ScoreChange & { rubric: Rubric }>,
    panels: Map<string, PanelScores>,
    normalized: Map<string, NormalizedPanel>,
  ): Promise<ScoreCalculated[]> {
    const now = (await this.scores.now(tx)).getTime();
    const live = targets.filter((t) => !t.nomination.withdrawnAt);
    const scores = live.map(({ nomination, rubric }) => ({
      ...scoreOf(rubric, nomination, panels, normalized),
      calculatedAt: stampAfter(nomination, now),
    }));
    await this.scores.saveScores(
      tx,
      scores.map((score, i) => ({ nominationId: live[i].nomination.nominationId, ...score })),
    );
    return live.map(({ nomination, cause }, i) =>
      createEvent(
        EventTypes.ScoreCalculated,
        nomination.nominationId,
        {
          nominationId: nomination.nominationId,
          edition: nomination.edition,
          tier: nomination.tier,
          province: nomination.province,
          category: nomination.category,
          ...scores[i],
        },
        { service: 'scoring', ...(cause ? { cause } : {}) },
      ),
    );
  }
}

const scoreOf = (rubric: Rubric, n: ScoredNomination, panels: Map<string, PanelScores>, normalized: Map<string, NormalizedPanel>) =>
  scoreAgainstRubric(rubric, n.indicators, panels.get(n.nominationId), normalized.get(n.nominationId));

const hasPanel = (rubric: Rubric) => rubric.criteria.some((c) => 'panel' in c.value);

/** Non-conflicted assessors' scores per nomination, round and criterion. */
function panelsOf(assessments: Assessment[]): Map<string, PanelScores> {
  const panels = new Map<string, PanelScores>();
  for (const a of assessments) {
    if (a.conflictOfInterest) continue;
    const panel = panels.get(a.nominationId) ?? {};
    const round = (panel[a.round] ??= {});
    for (const [criterion, value] of Object.entries(a.scores)) (round[criterion] ??= []).push(value);
    panels.set(a.nominationId, panel);
  }
  return panels;
}

function normalize(rubric: Rubric, pool: ScoredNomination[], assessments: Assessment[]): Map<string, NormalizedPanel> {
  const live = new Set(pool.filter((n) => !n.withdrawnAt).map((n) => n.nominationId));
  const result = new Map<string, NormalizedPanel>();
  for (const criterion of rubric.criteria) {
    if (!('panel' in criterion.value)) continue;
    const round = criterion.value.panel;
    const scores = assessments
      .filter((a) => a.round === round && !a.conflictOfInterest && live.has(a.nominationId) && typeof a.scores[criterion.code] === 'number')
      .map((a) => ({ nominationId: a.nominationId, assessor: a.assessor, value: a.scores[criterion.code] }));
    const range = 'linear' in criterion.scale ? criterion.scale.linear : undefined;
    for (const [nominationId, value] of zScoreNormalize(scores, range)) {
      const panel = result.get(nominationId) ?? {};
      (panel[round] ??= {})[criterion.code] = value;
      result.set(nominationId, panel);
    }
  }
  return result;
}

function sameScore(before: ScoredNomination, after: { status: string; total: number; criteria: unknown }): boolean {
  return (
    before.status === after.status && before.total === after.total && JSON.stringify(before.criteria) === JSON.stringify(after.criteria)
  );
}

const lockOrder = (n: ScoredNomination) => `${n.edition}|${n.tier}|${n.category}|${n.nominationId}`;

/**
 * A new score's time: the database's clock, and always after the nomination's previous score, so
 * consumers that keep the newest score keep this one whichever replica computed it and even if the
 * database's clock stepped back.
 */
function stampAfter(nomination: ScoredNomination, now: number): string {
  const previous = nomination.rubricVersion > 0 ? Date.parse(nomination.calculatedAt) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now, previous + 1)).toISOString();
}
