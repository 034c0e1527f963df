import { Injectable, Logger } from '@nestjs/common';
import { findCategory, type CloudEvent, type EventTypes, type Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { EditionsQuery } from '../editions/editions.query';
import { submittedEvent } from '../nominations/nomination-events';
import { NominationEntity } from '../nominations/nomination.entity';

const ADVANCEMENT: Principal = { sub: 'advancement', name: 'Advancement', role: 'admin' };

/**
 * When a provincial board is published, its first `advance` nominees enter the national round as
 * new national-tier nominations (copies of their provincial ones), announced like any submission.
 * The national nominee key is unique, so a redelivered publication creates nothing twice.
 */
@Injectable()
export class AdvanceWinnersUseCase {
  private readonly logger = new Logger(AdvanceWinnersUseCase.name);

  constructor(
    private readonly editions: EditionsQuery,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async execute(published: CloudEvent<typeof EventTypes.RankingPublished>, manager: EntityManager): Promise<void> {
    const board = published.data;
    if (board.tier !== 'provincial') return;
    const edition = await this.editions.find(board.edition);
    const category = edition && findCategory(edition, board.category);
    if (!category || !category.tiers.includes('national') || category.advance === 0) return;
    const advancing = board.standings.slice(0, category.advance);
    const provincial = await manager.findBy(NominationEntity, { id: In(advancing.map((s) => s.nominationId)) });
    const byId = new Map(provincial.map((n) => [n.id, n]));
    const now = new Date();
    for (const standing of advancing) {
      const from = byId.get(standing.nominationId);
      if (!from) {
        this.logger.warn(`Board ${board.boardId}: nomination ${standing.nominationId} is unknown to intake; not advanced`);
        continue;
      }
      const national = Object.assign(new NominationEntity(), {
        ...from,
        id: randomUUID(),
        tier: 'national',
        status: 'submitted',
        version: 1,
        submittedBy: ADVANCEMENT.sub,
        submittedAt: now,
        updatedAt: now,
        withdrawnAt: null,
        advancedFrom: { nominationId: from.id, boardId: board.boardId, rank: standing.rank },
      });
      const inserted: unknown[] = await manager.query(
        `INSERT INTO intake.nominations (id, edition, tier, province, category, nominee_key, nominee, contact, indicators, documents, status, version,
           submitted_by, submitted_at, updated_at, advanced_from)
         VALUES ($1, $2, 'national', $3, $4, $5, $6, $7, $8, $9, 'submitted', 1, $10, $11, $11, $12)
         ON CONFLICT (edition, tier, category, nominee_key) DO NOTHING RETURNING id`,
        [
          national.id,
          national.edition,
          national.province,
          national.category,
          national.nomineeKey,
          national.nominee,
          national.contact,
          national.indicators,
          JSON.stringify(national.documents),
          ADVANCEMENT.sub,
          now,
          national.advancedFrom,
        ],
      );
      if (inserted.length === 0) continue;
      await this.events.publish(manager, [submittedEvent(national, published)]);
      await this.audit.record(manager, ADVANCEMENT, [
        {
          action: 'nomination.submitted',
          nominationId: national.id,
          province: national.province,
          details: { advancedFrom: national.advancedFrom },
        },
      ]);
    }
  }
}
