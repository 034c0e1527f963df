import { filterGroups, groupResults } from './results-grouping';

const board = (tier: 'provincial' | 'national', scope: string, scopeName: string, category: string, winner: string) => ({
  tier,
  scope,
  scopeName,
  category,
  categoryName: category,
  winners: [{ name: winner }],
});

describe('groupResults', () => {
  it('should put the national and zone boards apart and group the provincial ones by province, keeping their order', () => {
    const boards = [
      board('national', 'sumatera', 'Zona Sumatera', 'province', 'Provinsi Jambi'),
      board('provincial', '15', 'Provinsi Jambi', 'regency', 'Kabupaten Bungo'),
      board('provincial', '15', 'Provinsi Jambi', 'village', 'Arang Arang'),
      board('provincial', '16', 'Provinsi Sumatera Selatan', 'regency', 'Kabupaten Musi Rawas'),
    ];

    const { national, provinces } = groupResults(boards);

    expect(national.map((g) => [g.scopeName, g.boards.length])).toEqual([['Zona Sumatera', 1]]);
    expect(provinces.map((g) => [g.scope, g.boards.map((b) => b.category)])).toEqual([
      ['15', ['regency', 'village']],
      ['16', ['regency']],
    ]);
  });
});

describe('filterGroups', () => {
  it('should keep the provinces named like the search or with a winner named like it', () => {
    const { provinces } = groupResults([
      board('provincial', '15', 'Provinsi Jambi', 'regency', 'Kabupaten Bungo'),
      board('provincial', '16', 'Provinsi Sumatera Selatan', 'regency', 'Kabupaten Musi Rawas'),
    ]);

    expect(filterGroups(provinces, 'jambi').map((g) => g.scope)).toEqual(['15']);
    expect(filterGroups(provinces, 'MUSI').map((g) => g.scope)).toEqual(['16']);
    expect(filterGroups(provinces, '  ')).toHaveLength(2);
  });
});
