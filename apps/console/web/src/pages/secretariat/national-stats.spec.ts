import { provinceRows } from './national-stats';

describe('provinceRows', () => {
  const counts = {
    nominations: [
      { tier: 'provincial' as const, province: '15', submitted: 11, withdrawn: 1 },
      { tier: 'provincial' as const, province: '51', submitted: 4, withdrawn: 0 },
      { tier: 'national' as const, province: '15', submitted: 1, withdrawn: 0 },
    ],
    scores: [{ tier: 'provincial' as const, province: '15', provisional: 2, final: 8, ineligible: 1, withdrawn: 1 }],
    boards: [
      { tier: 'provincial' as const, scope: '15', status: 'published' as const },
      { tier: 'provincial' as const, scope: '15', status: 'open' as const },
      { tier: 'national' as const, scope: 'sumatera', status: 'open' as const },
    ],
    deliveries: [{ tier: 'provincial' as const, province: '15', pending: 0, sent: 3, failed: 1 }],
  };

  it('should join the services’ counts by province, keep every given province and total them, when the tier is provincial', () => {
    const { rows, total } = provinceRows('provincial', ['15', '16'], counts);

    expect(rows).toEqual([
      {
        province: '15',
        nominations: 11,
        withdrawn: 1,
        scored: 11,
        final: 8,
        ineligible: 1,
        boards: 2,
        published: 1,
        sent: 3,
        failed: 1,
        pending: 0,
      },
      {
        province: '16',
        nominations: 0,
        withdrawn: 0,
        scored: 0,
        final: 0,
        ineligible: 0,
        boards: 0,
        published: 0,
        sent: 0,
        failed: 0,
        pending: 0,
      },
      {
        province: '51',
        nominations: 4,
        withdrawn: 0,
        scored: 0,
        final: 0,
        ineligible: 0,
        boards: 0,
        published: 0,
        sent: 0,
        failed: 0,
        pending: 0,
      },
    ]);
    expect(total).toMatchObject({ nominations: 15, scored: 11, boards: 2, published: 1, sent: 3 });
  });

  it('should count only the national round and no boards per province when the tier is national', () => {
    const { rows } = provinceRows('national', [], counts);

    expect(rows).toEqual([expect.objectContaining({ province: '15', nominations: 1, boards: 0, published: 0, sent: 0 })]);
  });
});
