import type { Tx } from '@paritrana/platform';
import type { PlannedDelivery } from './delivery-store';
import { InMemoryDeliveryStore } from './in-memory-delivery-store';

const tx = {} as Tx;
const planned = {
  boardId: '2024:provincial:15:regency',
  nominationId: '00000000-0000-4000-8000-000000000001',
  recipient: 'setda@bungokab.go.id',
  messageId: '<1@paritrana.test>',
  email: {},
  title: 'Terbaik I',
} as unknown as PlannedDelivery;

/** Two senders hold claims of one delivery when the first outlived its lease: what each may still record. */
describe('delivery claims, fenced', () => {
  const twoClaims = async () => {
    const store = new InMemoryDeliveryStore();
    await store.plan(tx, [planned]);
    const [late] = await store.claimDue(1, 0);
    const [newest] = await store.claimDue(1, 60);
    return { store, late, newest };
  };
  const status = async (store: InMemoryDeliveryStore) => (await store.byBoard(planned.boardId))[0].status;

  it('should keep sent when a late claim then reports a failure', async () => {
    const { store, late, newest } = await twoClaims();

    expect(await store.markSent(tx, newest, '2024-08-01T00:00:00.000Z')).toBe(true);
    expect(await store.markFailed(tx, late, '421 try later')).toBe(false);
    expect(await status(store)).toBe('sent');
  });

  it('should let only the newest claim record a permanent failure', async () => {
    const { store, late, newest } = await twoClaims();

    expect(await store.markFailed(tx, late, '550 no such user')).toBe(false);
    expect(await status(store)).toBe('pending');
    expect(await store.markFailed(tx, newest, '550 no such user')).toBe(true);
    expect(await status(store)).toBe('failed');
  });

  it('should record an acceptance once, so it is announced once, when both claims were accepted', async () => {
    const { store, late, newest } = await twoClaims();

    expect(await store.markSent(tx, late, '2024-08-01T00:00:00.000Z')).toBe(true);
    expect(await store.markSent(tx, newest, '2024-08-01T00:00:05.000Z')).toBe(false);
  });
});
