import { Injectable, Logger } from '@nestjs/common';
import { findCategory, type CloudEvent, type EventTypes, type Principal } from '@paritrana/contracts';
import { EventPublisher } from '@paritrana/messaging';
import { AuditLog, type Tx } from '@paritrana/platform';
import { randomUUID } from 'node:crypto';
import { EditionStore } from '../editions/edition.store';
import { submittedEvent } from '../nominations/nomination-events';
import type { NominationEntity } from '../nominations/nomination.entity';
import { NominationStore } from '../nominations/nomination.store';

const ADVANCEMENT: Principal = { sub: 'advancement', name: 'Advancement', role: 'admin' };

export interface AdvanceWinnersCommand {
  published: CloudEvent<typeof EventTypes.RankingPublished>;
  now?: Date;
}

/**
 * When a provincial board is published, its first `advance` nominees enter the national round as
 * new national-tier nominations (copies of their provincial ones), announced like any submission.
 * The national nominee key is unique, so a redelivered publication creates nothing twice.
 * Answers the national nominations created.
 */
@Injectable()
export class AdvanceWinnersUseCase {
  private readonly logger = new Logger(AdvanceWinnersUseCase.name);

  constructor(
    private readonly editions: EditionStore,
    private readonly nominations: NominationStore,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  /** In the consumer's transaction, which also records the event as handled. */
  async execute({ published, now = new Date() }: AdvanceWinnersCommand, tx: Tx): Promise<NominationEntity[]> {
    const board = published.data;
    if (board.tier !== 'provincial') return [];
    const edition = await this.editions.find(board.edition, tx);
    const category = edition && findCategory(edition, board.category);
    if (!category || !category.tiers.includes('national') || category.advance === 0) return [];
    const advancing = board.standings.slice(0, category.advance);
    const provincial = await this.nominations.findMany(
      tx,
      advancing.map((s) => s.nominationId),
    );
    const byId = new Map(provincial.map((n) => [n.id, n]));
    const national: NominationEntity[] = [];
    for (const standing of advancing) {
      const from = byId.get(standing.nominationId);
      if (!from) {
        this.logger.warn(`Board ${board.boardId}: nomination ${standing.nominationId} is unknown to intake; not advanced`);
        continue;
      }
      national.push({
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
    }
    const stored = await this.nominations.insert(tx, national);
    const created = national.filter((n) => stored.has(n.id));
    await this.events.publish(
      tx,
      created.map((n) => submittedEvent(n, published)),
    );
    await this.audit.record(
      tx,
      ADVANCEMENT,
      created.map((n) => ({
        action: 'nomination.submitted' as const,
        nominationId: n.id,
        province: n.province,
        details: { advancedFrom: n.advancedFrom },
      })),
    );
    return created;
  }
}
