import { Injectable } from '@nestjs/common';
import { createEvent, EventTypes, findCategory, type CloudEvent, type EditionDefinition } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { DomainError } from '@paritrana/platform';
import type { EntityManager } from 'typeorm';
import { scoreAgainstRubric } from '../rubric/rubric-engine';

/** Either event carries the nomination's current indicators. */
type NominationChanged = CloudEvent<typeof EventTypes.NominationSubmitted> | CloudEvent<typeof EventTypes.NominationAmended>;

/** Scores a submitted or amended nomination against its edition's rubric and announces the score. */
@Injectable()
export class ScoreNominationUseCase {
  constructor(private readonly events: EventPublisher) {}

  async execute(changed: NominationChanged, manager: EntityManager): Promise<void> {
    const nomination = changed.data;
    const rows: { definition: EditionDefinition }[] = await manager.query('SELECT definition FROM scoring.editions WHERE code = $1', [
      nomination.edition,
    ]);
    if (rows.length === 0) {
      throw DomainError.unavailable('EDITION_NOT_YET_KNOWN', `Edition ${nomination.edition} has not reached scoring yet`);
    }
    const rubric = findCategory(rows[0].definition, nomination.category)?.rubrics[nomination.tier];
    if (!rubric)
      throw DomainError.invalid(
        'RUBRIC_MISSING',
        `Edition ${nomination.edition} has no ${nomination.tier} rubric for ${nomination.category}`,
      );

    const score = scoreAgainstRubric(rubric, nomination.indicators);
    const calculatedAt = new Date().toISOString();
    await manager.query(
      `INSERT INTO scoring.scores (nomination_id, edition, tier, province, category, indicators, status, total, rubric_version, criteria, reasons, calculated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (nomination_id) DO UPDATE SET indicators = EXCLUDED.indicators, status = EXCLUDED.status, total = EXCLUDED.total,
         rubric_version = EXCLUDED.rubric_version, criteria = EXCLUDED.criteria, reasons = EXCLUDED.reasons, calculated_at = EXCLUDED.calculated_at`,
      [
        nomination.nominationId,
        nomination.edition,
        nomination.tier,
        nomination.province,
        nomination.category,
        nomination.indicators,
        score.status,
        score.total,
        score.rubricVersion,
        JSON.stringify(score.criteria),
        JSON.stringify(score.reasons),
        calculatedAt,
      ],
    );
    const event = createEvent(
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
      { service: 'scoring', cause: changed },
    );
    await this.events.publish(manager, [event]);
  }
}
