import { RegionDirectory } from './regions/region-directory';
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
