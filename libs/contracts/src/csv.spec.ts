import { boardScopeName, RegionDirectory } from './regions/region-directory';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('should split plain rows and ignore a trailing newline', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('should keep commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('name,note\r\n"Lubuk Pakam I,II","say ""hi""\nthere"\r\n')).toEqual([
      ['name', 'note'],
      ['Lubuk Pakam I,II', 'say "hi"\nthere'],
    ]);
  });

  it('should keep empty fields and drop a byte-order mark', () => {
    expect(parseCsv('\ufeffa,,c')).toEqual([['a', '', 'c']]);
  });
});

describe('RegionDirectory.official', () => {
  it('should hold every official region, with quoted names intact', () => {
    const sut = RegionDirectory.official();

    expect([sut.count('province'), sut.count('regency'), sut.count('district'), sut.count('village')]).toEqual([38, 514, 7285, 83762]);
    expect(sut.get('12.07.28.1007')?.name).toBe('Lubuk Pakam I,II');
    expect(sut.provinceTitle('15')).toBe('Provinsi Jambi');
  });
});

describe('boardScopeName', () => {
  const zones = [{ code: 'sumatera', name: 'Zona Sumatera' }];

  it('should name a provincial board by its province, a national one Nasional and a zone board by its zone', () => {
    expect(boardScopeName({ tier: 'provincial', scope: '15' }, zones)).toBe('Provinsi Jambi');
    expect(boardScopeName({ tier: 'provincial', scope: '34' }, zones)).toBe('Daerah Istimewa Yogyakarta');
    expect(boardScopeName({ tier: 'national', scope: 'national' }, zones)).toBe('Nasional');
    expect(boardScopeName({ tier: 'national', scope: 'sumatera' }, zones)).toBe('Zona Sumatera');
  });
});
