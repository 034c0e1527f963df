import type { EditionDefinition, RankingPublished } from '@paritrana/contracts';
import type { DomainError, Tx } from '@paritrana/platform';
import { InMemoryContactStore } from '../contacts/in-memory-contact-store';
import { InMemoryEditionStore } from '../editions/in-memory-edition-store';
import type { DeliveryWorker } from './delivery.worker';
import { InMemoryDeliveryStore } from './in-memory-delivery-store';
import { mailSettings } from './mail-settings';
import { PlanDeliveriesUseCase } from './plan-deliveries.use-case';

const tx = {} as Tx;
const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

const edition = {
  code: '2024',
  name: 'Paritrana Award 2024',
  zones: [{ code: 'sumatera', name: 'Zona Sumatera', provinces: ['15'] }],
  categories: [{ code: 'regency', name: 'Kabupaten/Kota' }],
} as unknown as EditionDefinition;

const board = (overrides: Partial<RankingPublished> = {}): RankingPublished => ({
  boardId: '2024:provincial:15:regency',
  edition: '2024',
  tier: 'provincial',
  scope: '15',
  category: 'regency',
  standings: ids.map((nominationId, i) => ({
    rank: i + 1,
    ...(i < 2 ? { title: `Terbaik ${'I'.repeat(i + 1)}` } : {}),
    nominationId,
    nominee: { kind: 'regency', name: `Kabupaten ${i + 1}`, regionCode: `150${i + 1}` },
    total: 90 - i * 10,
    status: 'final',
  })),
  ineligible: [],
  publishedAt: '2024-08-01T00:00:00.000Z',
  publishedBy: 'chair-jambi',
  ...overrides,
});

describe('PlanDeliveriesUseCase', () => {
  const setup = async (options: { edition?: boolean; contacts?: number } = {}) => {
    const editions = new InMemoryEditionStore();
    const contacts = new InMemoryContactStore();
    const deliveries = new InMemoryDeliveryStore();
    const worker = { wake: jest.fn() };
    if (options.edition ?? true) await editions.save(tx, edition);
    await contacts.keep(
      tx,
      ids.slice(0, options.contacts ?? 3).map((nominationId, i) => ({
        nominationId,
        edition: '2024',
        tier: 'provincial',
        province: '15',
        category: 'regency',
        nominee: { kind: 'regency', name: `Kabupaten ${i + 1}`, regionCode: `150${i + 1}` },
        contact: { name: `Setda ${i + 1}`, email: `setda${i + 1}@example.go.id`, ...(i === 0 ? { copyTo: 'dinas@example.go.id' } : {}) },
        version: 1,
      })),
    );
    const mail = mailSettings('smtp://127.0.0.1:1025', 'Paritrana Award <noreply@paritrana.example>', 8, 60);
    const sut = new PlanDeliveriesUseCase(mail, editions, contacts, deliveries, worker as unknown as DeliveryWorker);
    return { sut, deliveries, worker };
  };

  it('should plan one delivery per winner and wake the worker when a board is published', async () => {
    const { sut, deliveries, worker } = await setup();

    const outcome = await sut.execute(board(), tx);

    expect(outcome.planned).toEqual([
      { boardId: '2024:provincial:15:regency', nominationId: ids[0] },
      { boardId: '2024:provincial:15:regency', nominationId: ids[1] },
    ]);
    expect(deliveries.deliveries.map((d) => [d.recipient, d.title, d.status])).toEqual([
      ['setda1@example.go.id', 'Terbaik I', 'pending'],
      ['setda2@example.go.id', 'Terbaik II', 'pending'],
    ]);
    expect(worker.wake).toHaveBeenCalled();
  });

  it('should compose the email with the certificate’s facts and the copy to the office when the contact names one', async () => {
    const { sut, deliveries } = await setup();

    await sut.execute(board(), tx);

    const [first, second] = deliveries.deliveries;
    expect(first.email.certificate).toEqual({
      nomineeName: 'Kabupaten 1',
      editionName: 'Paritrana Award 2024',
      scopeName: 'Provinsi Jambi',
      categoryName: 'Kabupaten/Kota',
      title: 'Terbaik I',
      rank: 1,
      total: 90,
    });
    expect(first.email.copyTo).toBe('dinas@example.go.id');
    expect(second.email.copyTo).toBeUndefined();
    expect(first.email.subject).toContain('Terbaik I');
  });

  it('should give each delivery a deterministic Message-ID in the sender’s domain when it plans', async () => {
    const first = await setup();
    const second = await setup();

    await first.sut.execute(board(), tx);
    await second.sut.execute(board(), tx);

    const messageIds = first.deliveries.deliveries.map((d) => d.messageId);
    expect(messageIds).toEqual(second.deliveries.deliveries.map((d) => d.messageId));
    expect(new Set(messageIds).size).toBe(2);
    for (const id of messageIds) expect(id).toMatch(/^<[0-9a-f]{32}@paritrana\.example>$/);
  });

  it('should plan nothing new when the publication is delivered again', async () => {
    const { sut, deliveries } = await setup();
    await sut.execute(board(), tx);

    const outcome = await sut.execute(board(), tx);

    expect(outcome.planned).toEqual([]);
    expect(deliveries.deliveries).toHaveLength(2);
  });

  it('should name the zone in the certificate when the board is a zone’s', async () => {
    const { sut, deliveries } = await setup();

    await sut.execute(board({ boardId: '2024:national:sumatera:regency', tier: 'national', scope: 'sumatera' }), tx);

    expect(deliveries.deliveries[0].email.certificate.scopeName).toBe('Zona Sumatera');
  });

  it('should plan nothing and need no edition when the board has no winners', async () => {
    const { sut, deliveries } = await setup({ edition: false });

    const outcome = await sut.execute(board({ standings: [] }), tx);

    expect(outcome.planned).toEqual([]);
    expect(deliveries.deliveries).toEqual([]);
  });

  it.each([
    ['EDITION_NOT_YET_KNOWN', 'the edition has not reached notification', { edition: false }],
    ['CONTACT_NOT_YET_KNOWN', 'a winner’s contact has not reached notification', { contacts: 1 }],
  ])('should refuse with %s (transient) and plan nothing when %s', async (code, _case, options) => {
    const { sut, deliveries } = await setup(options);

    const refusal = await sut.execute(board(), tx).catch((e: DomainError) => e);

    expect(refusal).toMatchObject({ code, kind: 'unavailable' });
    expect(deliveries.deliveries).toEqual([]);
  });
});
