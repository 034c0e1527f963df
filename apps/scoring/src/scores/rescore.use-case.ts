import { Injectable } from '@nestjs/common';
import { createEvent, EventTypes, findCategory, type CloudEvent, type Rubric } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { DomainError } from '@paritrana/platform';
import type { EntityManager } from 'typeorm';
import { zScoreNormalize } from '../rubric/panel-normalization';
import { scoreAgainstRubric, type NormalizedPanel, type PanelScores } from '../rubric/rubric-engine';
import { ScoringStore, type Assessment, type ScoredNomination } from './scoring-store';

/**
 * Recomputes scores from the current inputs — indicators and non-conflicted assessments — with
 * the rubric version in force, stores them and announces each as paritrana.score.calculated.v1.
 * With z-score normalisation, one assessment moves the whole pool, so the pool is re-scored.
 */
@Injectable()
export class RescoreUseCase {
  constructor(
    private readonly store: ScoringStore,
    private readonly events: EventPublisher,
  ) {}

  async rescore(manager: EntityManager, changed: ScoredNomination, cause?: CloudEvent): Promise<void> {
    const edition = await this.store.edition(manager, changed.edition);
    const rubric = findCategory(edition, changed.category)?.rubrics[changed.tier];
    if (!rubric)
      throw DomainError.invalid('RUBRIC_MISSING', `Edition ${changed.edition} has no ${changed.tier} rubric for ${changed.category}`);
    const normalizing = edition.panelNormalization === 'zscore' && hasPanel(rubric);
    // One pool is re-scored by one transaction at a time, each reading what the previous committed.
    if (normalizing)
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${changed.edition}|${changed.tier}|${changed.category}`]);
    const targets = normalizing ? await this.store.group(manager, changed.edition, changed.tier, changed.category) : [changed];
    const assessments = await this.store.currentAssessments(
      manager,
      targets.map((t) => t.nominationId),
    );
    const panels = panelsOf(assessments);
    const normalized = normalizing ? normalize(rubric, targets, assessments) : new Map<string, NormalizedPanel>();
    const calculatedAt = new Date().toISOString();
    const events: CloudEvent[] = [];
    for (const nomination of targets) {
      if (nomination.withdrawnAt) continue;
      const score = scoreAgainstRubric(
        rubric,
        nomination.indicators,
        panels.get(nomination.nominationId),
        normalized.get(nomination.nominationId),
      );
      if (normalizing && nomination !== changed && sameScore(nomination, score)) continue;
      await this.store.saveScore(manager, { nominationId: nomination.nominationId, ...score, calculatedAt });
      events.push(
        createEvent(
          EventTypes.ScoreCalculated,
          nomination.nominationId,
          {
            nominationId: nomination.nominationId,
            edition: nomination.edition,
            tier: nomination.tier,
            province: nomination.province,
            category: nomination.category,
            ...score,
            calculatedAt,
          },
          { service: 'scoring', ...(cause ? { cause } : {}) },
        ),
      );
    }
    await this.events.publish(manager, events);
  }
}

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
