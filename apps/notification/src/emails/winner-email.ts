import { boardScopeName, findCategory, type BoardKey, type Contact, type EditionDefinition, type Nominee } from '@paritrana/contracts';
import { renderCertificate, type CertificateFacts } from './certificate';
import { composeCongratulation, type ComposedEmail } from './congratulation.template';

/** A winner's email as sent: the certificate's facts travel with it, the PDF is rendered when it is sent. */
export type WinnerEmail = ComposedEmail & { certificate: CertificateFacts; copyTo?: string };

export interface Winner {
  rank: number;
  title: string;
  total: number;
}

/** The email to one winner of a board: publication and its preview both compose it here. */
export function composeWinnerEmail(
  board: Pick<BoardKey, 'tier' | 'scope' | 'category'>,
  winner: Winner,
  known: { nominee: Nominee; contact: Contact },
  edition: EditionDefinition,
): { recipient: string; email: WinnerEmail } {
  const facts: CertificateFacts = {
    nomineeName: known.nominee.name,
    editionName: edition.name,
    scopeName: boardScopeName(board, edition.zones),
    categoryName: findCategory(edition, board.category)?.name ?? board.category,
    title: winner.title,
    rank: winner.rank,
    total: winner.total,
  };
  const { contact } = known;
  return {
    recipient: contact.email,
    email: {
      ...composeCongratulation({ ...facts, recipientName: contact.name }),
      certificate: facts,
      ...(contact.copyTo ? { copyTo: contact.copyTo } : {}),
    },
  };
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The certificate as the email's attachment: sending and its preview both render it here. */
export async function certificateAttachment(
  certificate: CertificateFacts,
): Promise<{ filename: string; content: Buffer; contentType: string }> {
  return {
    filename: `piagam-${slug(certificate.nomineeName)}.pdf`,
    content: await renderCertificate(certificate),
    contentType: 'application/pdf',
  };
}
