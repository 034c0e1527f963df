import { zScoreNormalize } from './panel-normalization';

describe('zScoreNormalize', () => {
  it('should make the best nominations of a lenient and a harsh assessor equal (the README example)', () => {
    const sut = zScoreNormalize([
      { nominationId: 'n1', assessor: 'lenient', value: 90 },
      { nominationId: 'n2', assessor: 'lenient', value: 80 },
      { nominationId: 'n3', assessor: 'harsh', value: 60 },
      { nominationId: 'n4', assessor: 'harsh', value: 50 },
    ]);

    // Each assessor: z = +1 and -1. Pool: mean 70, spread √250 ≈ 15.81.
    expect(Object.fromEntries([...sut].map(([k, v]) => [k, Number(v.toFixed(2))]))).toEqual({ n1: 85.81, n2: 54.19, n3: 85.81, n4: 54.19 });
  });

  it('should average the z-scores of several assessors of one nomination and clamp to the range', () => {
    const sut = zScoreNormalize(
      [
        { nominationId: 'n1', assessor: 'a', value: 100 },
        { nominationId: 'n2', assessor: 'a', value: 0 },
        { nominationId: 'n1', assessor: 'b', value: 100 },
        { nominationId: 'n2', assessor: 'b', value: 0 },
      ],
      { min: 0, max: 100 },
    );

    // z = +1 for n1 by both; pool mean 50, spread 50 → 100 (not above the range).
    expect([sut.get('n1'), sut.get('n2')]).toEqual([100, 0]);
  });

  it('should give a lone or constant assessor the pool mean', () => {
    const sut = zScoreNormalize([
      { nominationId: 'n1', assessor: 'a', value: 70 },
      { nominationId: 'n2', assessor: 'b', value: 90 },
      { nominationId: 'n3', assessor: 'b', value: 90 },
    ]);

    expect([...sut.values()].map((v) => Number(v.toFixed(4)))).toEqual([83.3333, 83.3333, 83.3333]);
  });
});
