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

export type StageFigures = Record<keyof typeof STAGES, { p50: number; p99: number }>;

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
    const samples = Object.fromEntries(Object.keys(STAGES).map((stage) => [stage, [] as number[]])) as Record<
      keyof typeof STAGES,
      number[]
    >;
    for (const { nominationId, submitted, ranked } of measured) {
      const seen = this.moments.get(nominationId);
      if (!seen || MOMENTS.some((m) => seen[m] === undefined)) continue;
      const at = { ...seen, submitted, ranked } as Record<Moment | 'submitted' | 'ranked', number>;
      for (const [stage, [from, to]] of Object.entries(STAGES)) samples[stage as keyof typeof STAGES].push(at[to] - at[from]);
    }
    if (samples.intake.length === 0) return undefined;
    return Object.fromEntries(
      Object.entries(samples).map(([stage, values]) => {
        values.sort((a, b) => a - b);
        return [stage, { p50: Math.round(percentile(values, 50)), p99: Math.round(percentile(values, 99)) }];
      }),
    ) as StageFigures;
  }
}
