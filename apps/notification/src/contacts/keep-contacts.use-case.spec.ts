import type { Tx } from '@paritrana/platform';
import type { ContactVersion } from './contact-store';
import { InMemoryContactStore } from './in-memory-contact-store';
import { KeepContactsUseCase } from './keep-contacts.use-case';

const tx = {} as Tx;
const id = '00000000-0000-4000-8000-000000000001';
const version = (v: number, email: string): ContactVersion => ({
  nominationId: id,
  edition: '2024',
  tier: 'provincial',
  province: '15',
  category: 'regency',
  nominee: { kind: 'regency', name: 'Kabupaten Bungo', regionCode: '1508' },
  contact: { name: 'Setda Bungo', email },
  version: v,
});

describe('KeepContactsUseCase', () => {
  const setup = () => {
    const contacts = new InMemoryContactStore();
    return { contacts, sut: new KeepContactsUseCase(contacts) };
  };

  it('should keep the contact of the newest version when a batch holds several versions', async () => {
    const { sut, contacts } = setup();

    const outcome = await sut.execute([version(2, 'new@example.go.id'), version(1, 'old@example.go.id')], tx);

    expect(outcome).toEqual({ kept: 1 });
    expect((await contacts.find(tx, [id]))[0].contact.email).toBe('new@example.go.id');
  });

  it('should change nothing when a stale amendment or a late submission arrives', async () => {
    const { sut, contacts } = setup();
    await sut.execute([version(3, 'newest@example.go.id')], tx);

    await sut.execute([version(2, 'stale@example.go.id')], tx);
    await sut.execute([version(1, 'late@example.go.id')], tx);

    expect((await contacts.find(tx, [id]))[0].contact.email).toBe('newest@example.go.id');
  });
});
