import { toCsv } from './csv';

describe('toCsv', () => {
  it('should quote cells with separators, quotes or line breaks, and leave the rest as they are', () => {
    expect(
      toCsv(
        ['nama', 'jumlah'],
        [
          ['Kab. Bungo, Jambi', 3],
          ['Kata "baik"', null],
        ],
      ),
    ).toBe('\uFEFFnama,jumlah\r\n"Kab. Bungo, Jambi",3\r\n"Kata ""baik""",\r\n');
  });

  it('should quote cells a spreadsheet would read as a formula', () => {
    expect(toCsv(['x'], [['=SUM(A1)']])).toBe('\uFEFFx\r\n"=SUM(A1)"\r\n');
  });
});
