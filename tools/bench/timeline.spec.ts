import { percentile } from './timeline';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('should take the nearest rank: the smallest sample with at least p % at or below it', () => {
    expect([50, 95, 99, 100].map((p) => percentile(hundred, p))).toEqual([50, 95, 99, 100]);
  });

  it('should take the largest sample as p99 when there are fewer than a hundred', () => {
    expect(percentile([10, 20, 30], 99)).toBe(30);
    expect(percentile([10, 20, 30], 50)).toBe(20);
  });

  it('should give 0 when there is no sample', () => {
    expect(percentile([], 99)).toBe(0);
  });
});
