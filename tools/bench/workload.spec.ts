import { governmentNominations, loadNominations, scaleOf } from './workload';

describe('scaleOf', () => {
  it('should take the default scale when BENCH_SCALE is unset or empty', () => {
    expect([scaleOf(undefined), scaleOf('')]).toEqual(['default', 'default']);
  });

  it('should take small and national', () => {
    expect([scaleOf('small'), scaleOf('national')]).toEqual(['small', 'national']);
  });

  it('should refuse another scale, an inherited property name included', () => {
    expect(() => scaleOf('huge')).toThrow('BENCH_SCALE must be small, national or unset, not huge');
    expect(() => scaleOf('toString')).toThrow('BENCH_SCALE');
  });
});

describe('loadNominations', () => {
  it('should load the first 10,000 regencies and villages at the small scale', () => {
    const sut = loadNominations('e', 'small');

    expect(sut).toHaveLength(10_000);
    expect(sut).toEqual(governmentNominations('e').slice(0, 10_000));
  });

  it('should load every regency and village at the default scale', () => {
    expect(loadNominations('e', 'default')).toHaveLength(84_276);
  });
});
