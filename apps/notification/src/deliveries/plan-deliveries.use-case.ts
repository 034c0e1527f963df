import { Inject, Injectable } from '@nestjs/common';
import type { RankingPublished } from '@paritrana/contracts';
import { DomainError, type Tx } from '@paritrana/platform';
import { createHash } from 'node:crypto';
import { ContactStore } from '../contacts/contact-store';
import { EditionStore } from '../editions/edition-store';
import { composeWinnerEmail } from '../emails/winner-email';
import { DeliveryStore, type DeliveryKey, type PlannedDelivery } from './delivery-store';
import { DeliveryWorker } from './delivery.worker';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';

/**
 * Records one delivery per winner of a published board. The (board, nomination) key is unique,
 * so a redelivered event or a second consumer plans nothing new.
 */
@Injectable()
export class PlanDeliveriesUseCase {
  constructor(
    @Inject(MAIL_SETTINGS) private readonly mail: MailSettings,
    private readonly editions: EditionStore,
    private readonly contacts: ContactStore,
    private readonly deliveries: DeliveryStore,
    private readonly worker: DeliveryWorker,
  ) {}

  async execute(board: RankingPublished, tx: Tx): Promise<{ planned: DeliveryKey[] }> {
    const winners = board.standings.filter((s) => s.title);
    if (winners.length === 0) return { planned: [] };
    const edition = await this.editions.get(tx, board.edition);
    const known = await this.contacts.find(
      tx,
      winners.map((w) => w.nominationId),
    );
    const byId = new Map(known.map((c) => [c.nominationId, c]));
    const missing = winners.filter((w) => !byId.has(w.nominationId));
    if (missing.length > 0) {
      throw DomainError.unavailable(
        'CONTACT_NOT_YET_KNOWN',
        `No contact yet for nomination(s) ${missing.map((m) => m.nominationId).join(', ')}`,
      );
    }
    const deliveries = winners.map((winner): PlannedDelivery => ({
      boardId: board.boardId,
      nominationId: winner.nominationId,
      messageId: this.messageId(board.boardId, winner.nominationId),
      title: winner.title!,
      ...composeWinnerEmail(board, { ...winner, title: winner.title! }, byId.get(winner.nominationId)!, edition),
    }));
    const planned = await this.deliveries.plan(tx, deliveries);
    this.worker.wake();
    return { planned };
  }

  /** Deterministic, so a resend after a crash is recognisably the same email. */
  private messageId(boardId: string, nominationId: string): string {
    const hash = createHash('sha256').update(`${boardId}|${nominationId}`).digest('hex').slice(0, 32);
    return `<${hash}@${this.mail.domain}>`;
  }
}
