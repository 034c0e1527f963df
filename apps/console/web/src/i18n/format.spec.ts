import { formatDate, formatDateTime, formatNumber, formatPercent, formatRupiah, formatScore } from './format';

describe('Indonesian formats', () => {
  it('should write dates as Indonesian documents do, in Western Indonesia Time', () => {
    expect(formatDate('2024-09-12T03:00:00Z', 'id')).toBe('12 September 2024');
    expect(formatDate('2024-12-31T18:00:00Z', 'id')).toBe('1 Januari 2025');
    expect(formatDateTime('2024-09-12T07:05:00Z', 'id')).toBe('12 September 2024 14.05 WIB');
  });

  it('should write numbers, percentages and rupiah with Indonesian separators', () => {
    expect(formatNumber(568373, 'id')).toBe('568.373');
    expect(formatPercent(0.4161, 'id')).toBe('41,61 %');
    expect(formatRupiah(2067337453, 'id')).toBe('Rp 2.067.337.453');
    expect(formatScore(87.254, 'id')).toBe('87,25');
  });

  it('should switch to English separators and month names', () => {
    expect(formatDate('2024-09-12T03:00:00Z', 'en')).toBe('12 September 2024');
    expect(formatPercent(0.4161, 'en')).toBe('41.61 %');
    expect(formatRupiah(2067337453, 'en')).toBe('Rp 2,067,337,453');
  });
});
