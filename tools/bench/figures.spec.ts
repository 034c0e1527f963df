import { goalLines, goalsOf, ratiosOf, type Figures } from './figures';

/** The default run of 97880bb's second final run, with a raw Kafka p99 of 30 ms. */
function figures(overrides: Partial<Figures> = {}): Figures {
  return {
    e2e_per_s: 2_139,
    latency_ms: { p99: 275 },
    ranking_updates: { megabytes: 71 },
    rss_mb: { intake: 265, scoring: 192, ranking: 233, notification: 202 },
    baseline: { kafka_msgs_per_s: 42_159, kafka_latency_ms: { p99: 30 } },
    ...overrides,
  };
}

describe('ratiosOf', () => {
  it('should divide the figures as reported, e2e to 3 decimals and p99 to 1', () => {
    const sut = ratiosOf(figures());

    expect(sut).toEqual({ e2e_to_kafka: 0.051, p99_to_kafka_p99: 9.2, cpu_bound_e2e_to_kafka: null });
  });

  it('should give null when a baseline measured nothing', () => {
    const sut = ratiosOf(figures({ baseline: { kafka_msgs_per_s: 0, kafka_latency_ms: { p99: 0 } } }));

    expect(sut).toEqual({ e2e_to_kafka: null, p99_to_kafka_p99: null, cpu_bound_e2e_to_kafka: null });
  });
});

describe('cpu_bound_e2e_to_kafka', () => {
  it('should divide raw Kafka’s CPU per message by the platform’s per nomination, and print both', () => {
    const given = figures({
      load_cost: { cpu: { ms_per_item: { intake: 0.4, kafka: 0.3, postgres: 0.5 }, total_ms_per_item: 1.2 } },
      baseline: { kafka_msgs_per_s: 42_159, kafka_latency_ms: { p99: 30 }, kafka_cpu: { total_ms_per_item: 0.06 } },
    });
    const ratios = ratiosOf(given);

    const sut = goalLines(given, ratios, goalsOf(given, ratios)).at(-1);

    expect(ratios.cpu_bound_e2e_to_kafka).toBe(0.05);
    expect(sut).toBe(
      'CPU per nomination 1.2 ms (intake 0.4, kafka 0.3, postgres 0.5) against raw Kafka’s 0.06 ms per message: on the same cores at most 0.05 of its rate',
    );
  });
});

describe('goalsOf', () => {
  it('should judge each goal with the figure it judged and its bound', () => {
    const given = figures();

    const sut = goalsOf(given, ratiosOf(given));

    expect(sut).toEqual({
      e2e_to_kafka: { met: false, value: 0.051, min: 0.2 },
      p99_ms: { met: false, value: 275, max: 250 },
      p99_to_kafka_p99: { met: true, value: 9.2, max: 10 },
      rss_mb: { met: false, value: 265, max: 256, service: 'intake' },
      ranking_updates_megabytes: { met: false, value: 71, max: 7.1 },
    });
  });

  it('should meet every goal when each figure is at its bound', () => {
    const given = figures({
      e2e_per_s: 2_000,
      latency_ms: { p99: 250 },
      ranking_updates: { megabytes: 7.1 },
      rss_mb: { intake: 256, scoring: 100 },
      baseline: { kafka_msgs_per_s: 10_000, kafka_latency_ms: { p99: 25 } },
    });

    const sut = goalsOf(given, ratiosOf(given));

    expect(Object.values(sut).map((goal) => goal.met)).toEqual([true, true, true, true, true]);
  });

  it('should not meet a ratio goal when its ratio could not be computed', () => {
    const given = figures({ baseline: { kafka_msgs_per_s: 0, kafka_latency_ms: { p99: 0 } } });

    const sut = goalsOf(given, ratiosOf(given));

    expect([sut.e2e_to_kafka.met, sut.p99_to_kafka_p99.met]).toEqual([false, false]);
  });
});

describe('goalLines', () => {
  it('should print each goal with its figures and verdict', () => {
    const given = figures();
    const ratios = ratiosOf(given);

    const sut = goalLines(given, ratios, goalsOf(given, ratios));

    expect(sut).toEqual([
      'e2e 2,139/s of raw Kafka 42,159/s = 0.051 (goal ≥ 0.2): NOT met',
      'p99 submit → ranked at the offered rate 275 ms (goal ≤ 250): NOT met',
      'p99 275 ms over raw Kafka p99 30 ms at the same rate = 9.2 (goal ≤ 10): met',
      'peak RSS intake 265, scoring 192, ranking 233, notification 202 MB (goal ≤ 256 each): NOT met',
      'ranking.updated 71 MB in the load phase (goal ≤ 7.1): NOT met',
    ]);
  });
});
