import { STAGES, Stages, type Stage } from './stages';

describe('Stages', () => {
  /** A nomination's moments from `start`, `rankingMs` in ranking. */
  const moments = (sut: Stages, id: string, start: number, rankingMs = 55) => {
    sut.mark(id, 'accepted', start + 10);
    sut.mark(id, 'nomination_sent', start + 15);
    sut.mark(id, 'scored', start + 40);
    sut.mark(id, 'score_sent', start + 45);
    sut.mark(id, 'announced', start + 45 + rankingMs);
    sut.mark(id, 'ranking_sent', start + 55 + rankingMs);
  };

  it('should split each nomination’s latency into its stages, which add up to it', () => {
    const sut = new Stages();
    moments(sut, 'a', 1_000);

    const figures = sut.figures([{ nominationId: 'a', submitted: 1_000, ranked: 1_112 }])!;

    expect(Object.fromEntries(Object.keys(STAGES).map((stage) => [stage, figures[stage as Stage].p50]))).toEqual({
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

  it('should say where the slowest hundredth spent its time and in which seconds it was submitted', () => {
    const sut = new Stages();
    const measured = Array.from({ length: 198 }, (_, i) => {
      const submitted = 1_000_000 + i * 5;
      moments(sut, `n${i}`, submitted);
      return { nominationId: `n${i}`, submitted, ranked: submitted + 112 };
    });
    // Two held up in ranking for half a second, submitted within the same second.
    const late = [0, 1].map((i) => ({ nominationId: `late${i}`, submitted: 2_000_000 + i, ranked: 2_000_000 + i + 612 }));
    for (const l of late) moments(sut, l.nominationId, l.submitted, 555);

    const { tail } = sut.figures([...measured, ...late])!;

    expect(tail).toEqual({
      samples: 2,
      seconds: [1000],
      stages: { intake: 10, intake_relay: 5, scoring: 25, scoring_relay: 5, ranking: 555, ranking_relay: 10, to_probe: 2 },
    });
  });
});
