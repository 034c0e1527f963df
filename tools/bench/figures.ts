/** The figures of a run the ratios and goals are computed from, as the results JSON holds them. */
export interface Figures {
  e2e_per_s: number;
  latency_ms: { p99: number };
  ranking_updates: { megabytes: number };
  rss_mb: Record<string, number>;
  /** CPU of every process per nomination in the load phase (services, broker, PostgreSQL, the bench's clients and probe). */
  load_cost?: { cpu: { ms_per_item: Record<string, number>; total_ms_per_item: number } };
  /** The raw baseline's CPU (broker, the bench's producer and consumer) per message. */
  baseline: { kafka_msgs_per_s: number; kafka_latency_ms: { p99: number }; kafka_cpu?: { total_ms_per_item: number } };
}

/** The platform beside its raw Kafka baselines of the same run; null when a baseline measured nothing. */
export interface Ratios {
  /** e2e_per_s / baseline.kafka_msgs_per_s */
  e2e_to_kafka: number | null;
  /** latency_ms.p99 / baseline.kafka_latency_ms.p99, both at the same offered rate */
  p99_to_kafka_p99: number | null;
  /**
   * baseline.kafka_cpu.total_ms_per_item / load_cost.cpu.total_ms_per_item: the share of raw Kafka's rate the platform
   * could reach on the same cores if both kept them busy. e2e_to_kafka cannot pass it by much while the run is CPU-bound.
   */
  cpu_bound_e2e_to_kafka: number | null;
}

/** A goal: whether it was met, the figure it judged, and its bound. */
export interface Goal {
  met: boolean;
  value: number | null;
  min?: number;
  max?: number;
}

export interface Goals {
  e2e_to_kafka: Goal;
  p99_ms: Goal;
  p99_to_kafka_p99: Goal;
  /** The largest peak RSS of the services, and which service it was. */
  rss_mb: Goal & { service: string | null };
  /** Whole-board ranking.updated of the load phase, a tenth of the 71 MB of the default run before ranking.changed. */
  ranking_updates_megabytes: Goal;
}

export const GOALS = {
  e2e_to_kafka: 0.2,
  p99_ms: 250,
  p99_to_kafka_p99: 10,
  rss_mb: 256,
  ranking_updates_megabytes: 7.1,
} as const;

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const ratio = (of: number, to: number, digits: number) => (to > 0 && Number.isFinite(of) ? round(of / to, digits) : null);

/** The ratios from the figures as reported (so that a reader can compute them again from the JSON). */
export function ratiosOf(figures: Figures): Ratios {
  return {
    e2e_to_kafka: ratio(figures.e2e_per_s, figures.baseline.kafka_msgs_per_s, 3),
    p99_to_kafka_p99: ratio(figures.latency_ms.p99, figures.baseline.kafka_latency_ms.p99, 1),
    cpu_bound_e2e_to_kafka: ratio(figures.baseline.kafka_cpu?.total_ms_per_item ?? NaN, figures.load_cost?.cpu.total_ms_per_item ?? 0, 3),
  };
}

const atLeast = (value: number | null, min: number): Goal => ({ met: value !== null && value >= min, value, min });
const atMost = (value: number | null, max: number): Goal => ({ met: value !== null && value <= max, value, max });

export function goalsOf(figures: Figures, ratios: Ratios): Goals {
  const largest = Object.entries(figures.rss_mb).reduce<[string, number] | undefined>(
    (top, entry) => (top === undefined || entry[1] > top[1] ? entry : top),
    undefined,
  );
  return {
    e2e_to_kafka: atLeast(ratios.e2e_to_kafka, GOALS.e2e_to_kafka),
    p99_ms: atMost(figures.latency_ms.p99, GOALS.p99_ms),
    p99_to_kafka_p99: atMost(ratios.p99_to_kafka_p99, GOALS.p99_to_kafka_p99),
    rss_mb: { ...atMost(largest?.[1] ?? null, GOALS.rss_mb), service: largest?.[0] ?? null },
    ranking_updates_megabytes: atMost(figures.ranking_updates.megabytes, GOALS.ranking_updates_megabytes),
  };
}

const number = (value: number | null) => (value === null ? '–' : value.toLocaleString('en'));
const verdict = (goal: Goal) => (goal.met ? 'met' : 'NOT met');

/** The goals as the lines the bench prints at the end of a run. */
export function goalLines(figures: Figures, ratios: Ratios, goals: Goals): string[] {
  const { baseline } = figures;
  return [
    `e2e ${number(figures.e2e_per_s)}/s of raw Kafka ${number(baseline.kafka_msgs_per_s)}/s = ${number(ratios.e2e_to_kafka)} ` +
      `(goal ≥ ${GOALS.e2e_to_kafka}): ${verdict(goals.e2e_to_kafka)}`,
    `p99 submit → ranked at the offered rate ${number(figures.latency_ms.p99)} ms (goal ≤ ${GOALS.p99_ms}): ${verdict(goals.p99_ms)}`,
    `p99 ${number(figures.latency_ms.p99)} ms over raw Kafka p99 ${number(baseline.kafka_latency_ms.p99)} ms at the same rate = ` +
      `${number(ratios.p99_to_kafka_p99)} (goal ≤ ${GOALS.p99_to_kafka_p99}): ${verdict(goals.p99_to_kafka_p99)}`,
    `peak RSS ${Object.entries(figures.rss_mb)
      .map(([name, mb]) => `${name} ${mb}`)
      .join(', ')} MB (goal ≤ ${GOALS.rss_mb} each): ${verdict(goals.rss_mb)}`,
    `ranking.updated ${number(figures.ranking_updates.megabytes)} MB in the load phase (goal ≤ ${GOALS.ranking_updates_megabytes}): ` +
      verdict(goals.ranking_updates_megabytes),
    ...costLines(figures, ratios),
  ];
}

/** What a nomination cost the machine beside a raw Kafka message, when both were measured. */
function costLines({ load_cost, baseline }: Figures, ratios: Ratios): string[] {
  if (!load_cost || !baseline.kafka_cpu) return [];
  const parts = Object.entries(load_cost.cpu.ms_per_item)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');
  return [
    `CPU per nomination ${number(load_cost.cpu.total_ms_per_item)} ms (${parts}) against raw Kafka’s ` +
      `${number(baseline.kafka_cpu.total_ms_per_item)} ms per message: on the same cores at most ${number(ratios.cpu_bound_e2e_to_kafka)} of its rate`,
  ];
}
