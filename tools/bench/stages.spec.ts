import { Stages } from './stages';

describe('Stages', () => {
  const moments = (sut: Stages, id: string, start: number) => {
    sut.mark(id, 'accepted', start + 10);
    sut.mark(id, 'nomination_sent', start + 15);
    sut.mark(id, 'scored', start + 40);
    sut.mark(id, 'score_sent', start + 45);
    sut.mark(id, 'announced', start + 100);
    sut.mark(id, 'ranking_sent', start + 110);
  };

  it('should split each nomination’s latency into its stages, which add up to it', () => {
    const sut = new Stages();
    moments(sut, 'a', 1_000);

    const figures = sut.figures([{ nominationId: 'a', submitted: 1_000, ranked: 1_112 }])!;

    expect(Object.fromEntries(Object.entries(figures).map(([stage, { p50 }]) => [stage, p50]))).toEqual({
      intake: 10,
      intake_relay: 5,
      scoring: 25,
      scoring_relay: 5,
      ranking: 55,
      ranking_relay: 10,
      to_probe: 2,
    });
  });

  it('should keep the first time a nomination is seen at a moment and leave out one not seen at every moment', () => {
    const sut = new Stages();
    moments(sut, 'a', 1_000);
    sut.mark('a', 'scored', 5_000);
    sut.mark('b', 'accepted', 1_010);

    const figures = sut.figures([
      { nominationId: 'a', submitted: 1_000, ranked: 1_112 },
      { nominationId: 'b', submitted: 1_000, ranked: 1_112 },
    ])!;

    expect(figures.scoring).toEqual({ p50: 25, p99: 25 });
    expect(sut.figures([{ nominationId: 'b', submitted: 1_000, ranked: 1_112 }])).toBeUndefined();
  });
});
