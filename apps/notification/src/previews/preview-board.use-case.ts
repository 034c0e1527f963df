import { Injectable } from '@nestjs/common';
import { coversProvince, findCategory, NATIONAL_ROLES, parseBoardId, type BoardKey, type Principal } from '@paritrana/contracts';
import { DomainError, Transactions } from '@paritrana/platform';
import { ContactStore, type KnownContact } from '../contacts/contact-store';
import { EditionStore } from '../editions/edition-store';
import { certificateAttachment, composeWinnerEmail, type Winner } from '../emails/winner-email';

export interface PreviewBoardCommand {
  boardId: string;
  winners: Array<Winner & { nominationId: string }>;
  by: Principal;
}

export interface EmailPreview {
  nominationId: string;
  recipient: string;
  copyTo?: string;
  subject: string;
  text: string;
  html: string;
  certificate: { filename: string; contentType: string; base64: string };
}

export interface BoardPreview {
  boardId: string;
  previews: EmailPreview[];
  /** Winners whose contact has not reached notification (or who are not on this board): nothing could be rendered for them. */
  missing: string[];
}

/**
 * Each winner's email and certificate exactly as publication would send them, composed and rendered
 * by the same code, without storing or sending anything.
 */
@Injectable()
export class PreviewBoardUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly editions: EditionStore,
    private readonly contacts: ContactStore,
  ) {}

  async execute({ boardId, winners, by }: PreviewBoardCommand): Promise<BoardPreview> {
    const key = parseBoardId(boardId);
    if (!key)
      throw DomainError.invalid('BOARD_ID_INVALID', `Not a board id: ${boardId}`, [
        { path: 'boardId', message: 'must be edition:tier:scope:category' },
      ]);
    const { edition, known } = await this.transactions.read(async (tx) => {
      const edition = await this.editions.find(tx, key.edition);
      if (!edition || !findCategory(edition, key.category)) throw DomainError.notFound('BOARD_NOT_FOUND', `No board ${boardId}`);
      assertMayPreview(key, boardId, by);
      const zone = edition.zones.find((z) => z.code === key.scope);
      const onBoard = (c: KnownContact) =>
        c.board !== null &&
        c.board.edition === key.edition &&
        c.board.tier === key.tier &&
        c.board.category === key.category &&
        (key.tier === 'provincial' ? c.province === key.scope : key.scope === 'national' || !!zone?.provinces.includes(c.province));
      const contacts = await this.contacts.find(
        tx,
        winners.map((w) => w.nominationId),
      );
      return { edition, known: new Map(contacts.filter(onBoard).map((c) => [c.nominationId, c])) };
    });
    const previews: EmailPreview[] = [];
    for (const winner of winners) {
      const contact = known.get(winner.nominationId);
      if (!contact) continue;
      const { recipient, email } = composeWinnerEmail(key, winner, contact, edition);
      const attachment = await certificateAttachment(email.certificate);
      previews.push({
        nominationId: winner.nominationId,
        recipient,
        ...(email.copyTo ? { copyTo: email.copyTo } : {}),
        subject: email.subject,
        text: email.text,
        html: email.html,
        certificate: { filename: attachment.filename, contentType: attachment.contentType, base64: attachment.content.toString('base64') },
      });
    }
    return { boardId, previews, missing: winners.filter((w) => !known.has(w.nominationId)).map((w) => w.nominationId) };
  }
}

/** Those who may publish the board may preview its emails: its province's panel chair (the national one for national boards) and the secretariat. */
function assertMayPreview(key: BoardKey, boardId: string, by: Principal): void {
  if (NATIONAL_ROLES.has(by.role)) return;
  const chairOfScope = key.tier === 'provincial' ? coversProvince(by, key.scope) : (by.provinces ?? []).length === 0;
  if (!chairOfScope)
    throw DomainError.forbidden('BOARD_OUT_OF_SCOPE', `Only the panel chair of ${key.scope} or the secretariat may preview ${boardId}`);
}
