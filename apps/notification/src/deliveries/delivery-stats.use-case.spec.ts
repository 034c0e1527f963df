import { InMemoryTransactions, type Tx } from '@paritrana/platform';
import { InMemoryContactStore } from '../contacts/in-memory-contact-store';
import type { PlannedDelivery } from './delivery-store';
import { DeliveryStatsUseCase } from './delivery-stats.use-case';
import { InMemoryDeliveryStore } from './in-memory-delivery-store';

const tx = {} as Tx;
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('DeliveryStatsUseCase', () => {
  const setup = async () => {
    const contacts = new InMemoryContactStore();
    const deliveries = new InMemoryDeliveryStore();
    await contacts.keep(
      tx,
      [
        [1, '15'],
        [2, '15'],
        [3, '16'],
        [4, '15'],
      ].map(([n, province]) => ({
        nominationId: id(n as number),
        edition: '2024',
        tier: 'provincial' as const,
        province: province as string,
        category: 'regency',
        nominee: { kind: 'regency', name: `Kabupaten ${n}`, regionCode: `${province}.0${n}` },
        contact: { name: 'Setda', email: `setda${n}@example.go.id` },
        version: 1,
      })),
    );
    const delivery = (boardId: string, n: number) =>
      ({
        boardId,
        nominationId: id(n),
        recipient: `setda${n}@example.go.id`,
        messageId: `<${n}@x>`,
        email: {},
        title: 'Terbaik I',
      }) as unknown as PlannedDelivery;
    await deliveries.plan(tx, [
      delivery('2024:provincial:15:regency', 1),
      delivery('2024:provincial:15:regency', 2),
      delivery('2024:provincial:16:regency', 3),
      delivery('2024:national:sumatera:regency', 4),
      delivery('2025:provincial:15:regency', 1),
    ]);
    await deliveries.markSent(tx, { boardId: '2024:provincial:15:regency', nominationId: id(1) }, '2024-08-01T00:00:00.000Z');
    const claimed = await deliveries.claimDue(10, 60);
    const refused = claimed.find((d) => d.boardId === '2024:provincial:16:regency')!;
    await deliveries.markFailed(tx, refused, '550 mailbox unavailable');
    return new DeliveryStatsUseCase(new InMemoryTransactions(), deliveries, contacts);
  };

  it('should count the edition’s emails by tier and the winner’s province, provincial first, when the edition is given', async () => {
    const sut = await setup();

    expect(await sut.execute({ edition: '2024' })).toEqual({
      edition: '2024',
      provinces: [
        { tier: 'provincial', province: '15', pending: 1, sent: 1, failed: 0 },
        { tier: 'provincial', province: '16', pending: 0, sent: 0, failed: 1 },
        { tier: 'national', province: '15', pending: 1, sent: 0, failed: 0 },
      ],
    });
  });

  it('should answer no provinces when no board of the edition is published', async () => {
    const sut = await setup();

    expect(await sut.execute({ edition: '2030' })).toEqual({ edition: '2030', provinces: [] });
  });

  it('should refuse with STATS_QUERY_INVALID when the edition is malformed', async () => {
    const sut = await setup();

    await expect(sut.execute({ edition: '2024:provincial' })).rejects.toMatchObject({ code: 'STATS_QUERY_INVALID', kind: 'invalid' });
  });
});
