import { percentile } from './timeline';

/**
 * The moments a nomination passes on its way from submission to ranked, as the events themselves show them: the
 * times they carry (set by the service that wrote them) and the times Kafka stamped on their messages (set by the
 * relay that sent them). All on one machine's clock.
 */
export const MOMENTS = ['accepted', 'nomination_sent', 'scored', 'score_sent', 'announced', 'ranking_sent'] as const;
export type Moment = (typeof MOMENTS)[number];

/** Each step between two moments, named by what takes that time. */
export const STAGES = {
  intake: ['submitted', 'accepted'],
  intake_relay: ['accepted', 'nomination_sent'],
  scoring: ['nomination_sent', 'scored'],
  scoring_relay: ['scored', 'score_sent'],
  ranking: ['score_sent', 'announced'],
  ranking_relay: ['announced', 'ranking_sent'],
  to_probe: ['ranking_sent', 'ranked'],
} as const satisfies Record<string, readonly [Moment | 'submitted', Moment | 'ranked']>;

export type Stage = keyof typeof STAGES;

/**
 * Each stage's p50 and p99, and where the slowest hundredth of the nominations spent their time: each stage's median
 * among them, and in which seconds of the phase (from its first measured submission) they were submitted (a few: a
 * stall; many: queueing spread over the phase).
 */
export type StageFigures = Record<Stage, { p50: number; p99: number }> & {
  tail: { samples: number; seconds: number[]; stages: Record<Stage, number> };
};

/** The moments of the nominations measured, kept until the percentiles of each stage are taken. */
export class Stages {
  private readonly moments = new Map<string, Partial<Record<Moment, number>>>();

  has(nominationId: string): boolean {
    return this.moments.has(nominationId);
  }

  /** The first time a nomination is seen at a moment counts. */
  mark(nominationId: string, moment: Moment, at: number): void {
    if (!Number.isFinite(at)) return;
    const held = this.moments.get(nominationId) ?? {};
    held[moment] ??= at;
    this.moments.set(nominationId, held);
  }

  /** p50 and p99 of each stage over the nominations submitted and ranked at the given times, those seen at every moment. */
  figures(measured: Array<{ nominationId: string; submitted: number; ranked: number }>): StageFigures | undefined {
    const stages = Object.keys(STAGES) as Stage[];
    const rows: Array<{ submitted: number; total: number; took: Record<Stage, number> }> = [];
    for (const { nominationId, submitted, ranked } of measured) {
      const seen = this.moments.get(nominationId);
      if (!seen || MOMENTS.some((m) => seen[m] === undefined)) continue;
      const at = { ...seen, submitted, ranked } as Record<Moment | 'submitted' | 'ranked', number>;
      const took = Object.fromEntries(stages.map((stage) => [stage, at[STAGES[stage][1]] - at[STAGES[stage][0]]])) as Record<Stage, number>;
      rows.push({ submitted, total: ranked - submitted, took });
    }
    if (rows.length === 0) return undefined;
    const sorted = (values: number[]) => values.sort((a, b) => a - b);
    const first = Math.min(...rows.map((r) => r.submitted));
    const tail = [...rows].sort((a, b) => b.total - a.total).slice(0, Math.ceil(rows.length / 100));
    const median = (stage: Stage, of: typeof rows) => Math.round(percentile(sorted(of.map((r) => r.took[stage])), 50));
    const figures = Object.fromEntries(
      stages.map((stage) => {
        const values = sorted(rows.map((r) => r.took[stage]));
        return [stage, { p50: Math.round(percentile(values, 50)), p99: Math.round(percentile(values, 99)) }];
      }),
    ) as Record<Stage, { p50: number; p99: number }>;
    return {
      ...figures,
      tail: {
        samples: tail.length,
        seconds: [...new Set(tail.map((r) => Math.floor((r.submitted - first) / 1000)))].sort((a, b) => a - b),
        stages: Object.fromEntries(stages.map((stage) => [stage, median(stage, tail)])) as Record<Stage, number>,
      },
    };
  }
}
