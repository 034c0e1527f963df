import { RegionDirectory } from '@paritrana/contracts';
import { SearchRegionsUseCase } from './search-regions.use-case';

describe('SearchRegionsUseCase', () => {
  const sut = new SearchRegionsUseCase(RegionDirectory.official());

  it('should find Kabupaten Bungo by part of its name, any case, when the province and level are given', () => {
    expect(sut.execute({ province: '15', level: 'regency', q: 'BUNGO', limit: 20 })).toEqual({
      regions: [{ code: '15.08', name: 'Kabupaten Bungo', level: 'regency', parentCode: '15' }],
    });
  });

  it('should match every word of the query, in any order', () => {
    const { regions } = sut.execute({ level: 'regency', q: 'jambi muaro', limit: 20 });

    expect(regions.map((r) => r.name)).toEqual(['Kabupaten Muaro Jambi']);
  });

  it('should find regions by the start of their code', () => {
    const { regions } = sut.execute({ level: 'regency', q: '15.0', limit: 3 });

    expect(regions.map((r) => r.code)).toEqual(['15.01', '15.02', '15.03']);
  });

  it('should list a province’s regencies and cities in code order, at most the limit', () => {
    const all = sut.execute({ province: '15', level: 'regency', limit: 100 }).regions;
    const first = sut.execute({ province: '15', level: 'regency', limit: 2 }).regions;

    expect(all.every((r) => r.code.startsWith('15.') && r.level === 'regency')).toBe(true);
    expect(all.length).toBeGreaterThan(2);
    expect(first).toEqual(all.slice(0, 2));
  });

  it('should find nothing when no name holds the words', () => {
    expect(sut.execute({ province: '15', q: 'atlantis', limit: 20 })).toEqual({ regions: [] });
  });

  it('should put the name as typed before names that only hold its words, and say where each village lies', () => {
    const { regions } = sut.execute({ province: '16', level: 'village', q: 'agung law', limit: 20 });

    expect(regions[0]).toMatchObject({ code: '16.72.03.1022', name: 'Agung Lawangan', within: expect.stringContaining('Kecamatan') });
    expect(regions.slice(1).map((r) => r.name)).toEqual(expect.arrayContaining(['Lawang Agung']));
  });
});
