import { Inject, Injectable } from '@nestjs/common';
import {
  findCategory,
  RegionDirectory,
  type Contact,
  type EditionDefinition,
  type Nominee,
  type RankingPublished,
} from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { composeCongratulation } from '../emails/congratulation.template';
import { MAIL_SETTINGS, type MailSettings } from './mail-settings';
import { DeliveryWorker } from './delivery.worker';

/**
 * Records one delivery per winner of a published board. The (board, nomination) key is unique,
 * so a redelivered event or a second consumer plans nothing new.
 */
@Injectable()
export class PlanDeliveriesUseCase {
  private readonly regions = RegionDirectory.official();

  constructor(
    @Inject(MAIL_SETTINGS) private readonly mail: MailSettings,
    private readonly worker: DeliveryWorker,
  ) {}

  async execute(board: RankingPublished, manager: EntityManager): Promise<void> {
    const winners = board.standings.filter((s) => s.title);
    if (winners.length === 0) return;
    const editions: { definition: EditionDefinition }[] = await manager.query(
      'SELECT definition FROM notification.editions WHERE code = $1',
      [board.edition],
    );
    if (editions.length === 0)
      throw DomainError.unavailable('EDITION_NOT_YET_KNOWN', `Edition ${board.edition} has not reached notification yet`);
    const edition = editions[0].definition;
    const contacts: { nomination_id: string; nominee: Nominee; contact: Contact }[] = await manager.query(
      'SELECT nomination_id, nominee, contact FROM notification.contacts WHERE nomination_id = ANY($1::uuid[])',
      [winners.map((w) => w.nominationId)],
    );
    const byId = new Map(contacts.map((c) => [c.nomination_id, c]));
    const missing = winners.filter((w) => !byId.has(w.nominationId));
    if (missing.length > 0) {
      throw DomainError.unavailable(
        'CONTACT_NOT_YET_KNOWN',
        `No contact yet for nomination(s) ${missing.map((m) => m.nominationId).join(', ')}`,
      );
    }
    for (const winner of winners) {
      const { contact, nominee } = byId.get(winner.nominationId)!;
      const facts = {
        nomineeName: nominee.name,
        editionName: edition.name,
        scopeName: this.scopeName(board, edition),
        categoryName: findCategory(edition, board.category)?.name ?? board.category,
        title: winner.title!,
        rank: winner.rank,
        total: winner.total,
      };
      // The certificate's facts travel with the email; the PDF is rendered when it is sent.
      const email = {
        ...composeCongratulation({ ...facts, recipientName: contact.name }),
        certificate: facts,
        ...(contact.copyTo ? { copyTo: contact.copyTo } : {}),
      };
      await manager.query(
        `INSERT INTO notification.deliveries (board_id, nomination_id, recipient, message_id, email, title)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (board_id, nomination_id) DO NOTHING`,
        [board.boardId, winner.nominationId, contact.email, this.messageId(board.boardId, winner.nominationId), email, winner.title],
      );
    }
    this.worker.wake();
  }

  private scopeName(board: RankingPublished, edition: EditionDefinition): string {
    if (board.tier === 'provincial') return this.regions.provinceTitle(board.scope);
    if (board.scope === 'national') return 'Nasional';
    return edition.zones.find((z) => z.code === board.scope)?.name ?? board.scope;
  }

  /** Deterministic, so a resend after a crash is recognisably the same email. */
  private messageId(boardId: string, nominationId: string): string {
    const hash = createHash('sha256').update(`${boardId}|${nominationId}`).digest('hex').slice(0, 32);
    return `<${hash}@${this.mail.domain}>`;
  }
}
