import type { EditionDefinition, Principal } from '@paritrana/contracts';
import { InMemoryTransactions, type DomainError, type Tx } from '@paritrana/platform';
import type { ContactVersion } from '../contacts/contact-store';
import { InMemoryContactStore } from '../contacts/in-memory-contact-store';
import { InMemoryEditionStore } from '../editions/in-memory-edition-store';
import { composeWinnerEmail } from '../emails/winner-email';
import { PreviewBoardUseCase } from './preview-board.use-case';

const tx = {} as Tx;
const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
const BOARD = '2024:provincial:15:regency';

const edition = {
  code: '2024',
  name: 'Paritrana Award 2024',
  zones: [{ code: 'sumatera', name: 'Zona Sumatera', provinces: ['15', '16'] }],
  categories: [{ code: 'regency', name: 'Pemerintah Kabupaten/Kota' }],
} as unknown as EditionDefinition;

const chair = (provinces?: string[]): Principal => ({
  sub: 'ketua',
  name: 'Ketua',
  role: 'panel-chair',
  ...(provinces ? { provinces } : {}),
});
const contact = (i: number, overrides: Partial<ContactVersion> = {}): ContactVersion => ({
  nominationId: ids[i],
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  nominee: { kind: 'regency', name: `Kabupaten ${i + 1}`, regionCode: `15.0${i + 1}` },
  contact: { name: `Setda ${i + 1}`, email: `setda${i + 1}@example.go.id`, ...(i === 0 ? { copyTo: 'kanwil@example.go.id' } : {}) },
  version: 1,
  ...overrides,
});
const winners = [
  { nominationId: ids[0], rank: 1, title: 'Terbaik I', total: 87.25 },
  { nominationId: ids[1], rank: 2, title: 'Terbaik II', total: 80 },
];

describe('PreviewBoardUseCase', () => {
  const setup = async (contacts: ContactVersion[] = [contact(0), contact(1)]) => {
    const editions = new InMemoryEditionStore();
    const store = new InMemoryContactStore();
    await editions.save(tx, edition);
    await store.keep(tx, contacts);
    return new PreviewBoardUseCase(new InMemoryTransactions(), editions, store);
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: DomainError) => ({ code: e.code, kind: e.kind }),
    );

  it('should render each winner’s email exactly as publication composes it, with its certificate as a PDF', async () => {
    const sut = await setup();

    const preview = await sut.execute({ boardId: BOARD, winners, by: chair(['15']) });

    expect(preview.missing).toEqual([]);
    expect(preview.previews).toHaveLength(2);
    const sent = composeWinnerEmail(
      { tier: 'provincial', scope: '15', category: 'regency' },
      winners[0],
      { nominee: contact(0).nominee, contact: contact(0).contact },
      edition,
    );
    const [first, second] = preview.previews;
    expect(first).toMatchObject({
      nominationId: ids[0],
      recipient: 'setda1@example.go.id',
      copyTo: 'kanwil@example.go.id',
      subject: sent.email.subject,
      text: sent.email.text,
      html: sent.email.html,
    });
    expect(first.text).toContain('Provinsi Jambi');
    expect(first.certificate).toMatchObject({ filename: 'piagam-kabupaten-1.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(first.certificate.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(second).not.toHaveProperty('copyTo');
  });

  it('should list as missing the winners whose contact is unknown or belongs to another board', async () => {
    const sut = await setup([contact(0), contact(1, { province: '16' })]);

    const preview = await sut.execute({
      boardId: BOARD,
      winners: [...winners, { ...winners[1], nominationId: ids[2], rank: 3 }],
      by: chair(['15']),
    });

    expect(preview.previews.map((p) => p.nominationId)).toEqual([ids[0]]);
    expect(preview.missing).toEqual([ids[1], ids[2]]);
  });

  it('should preview a zone board for the national panel chair with the zone’s provinces’ contacts', async () => {
    const sut = await setup([contact(0, { tier: 'national' }), contact(1, { tier: 'national', province: '11' })]);

    const preview = await sut.execute({ boardId: '2024:national:sumatera:regency', winners, by: chair() });

    expect(preview.previews.map((p) => p.nominationId)).toEqual([ids[0]]);
    expect(preview.previews[0].text).toContain('Zona Sumatera');
    expect(preview.missing).toEqual([ids[1]]);
  });

  it.each([
    ['BOARD_ID_INVALID', 'invalid', 'the board id is malformed', '2024:regional:15', chair(['15'])],
    ['BOARD_NOT_FOUND', 'not-found', 'the category is unknown', '2024:provincial:15:ghost', chair(['15'])],
    ['BOARD_NOT_FOUND', 'not-found', 'the edition is unknown', '2099:provincial:15:regency', chair(['15'])],
    ['BOARD_OUT_OF_SCOPE', 'forbidden', 'another province’s chair asks', BOARD, chair(['16'])],
    ['BOARD_OUT_OF_SCOPE', 'forbidden', 'the national chair asks for a provincial board', BOARD, chair()],
    ['BOARD_OUT_OF_SCOPE', 'forbidden', 'a provincial chair asks for a national board', '2024:national:national:regency', chair(['15'])],
  ])('should refuse with %s (%s) when %s', async (code, kind, _case, boardId, by) => {
    const sut = await setup();

    expect(await refusal(sut.execute({ boardId, winners, by }))).toEqual({ code, kind });
  });
});
