import { EventTypes, Topics } from '@paritrana/contracts';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { Timeline } from './timeline';

interface RankingUpdate {
  type: string;
  data: { standings: Array<{ nominationId: string; status: string }>; ineligible: Array<{ nominationId: string }> };
}

/**
 * Follows the platform from outside, as the national secretariat does: a nomination is scored when
 * its score.calculated passes on the scores topic, ranked when the first ranking.updated that shows
 * it with a final score (or among the ineligible) arrives. Latency runs from its submission.
 */
export class Probe {
  private readonly submittedAt = new Map<string, number>();
  private readonly scoredIds = new Set<string>();
  private readonly rankedAt = new Map<string, number>();
  private readonly latencies: number[] = [];
  private readonly consumers: Consumer[] = [];
  private readonly measuring = new Set<string>();
  private readonly scoredAt = new Map<string, number>();
  private readonly toScored: number[] = [];
  /** ranking.updated events and their standings, as the secretariat's consumers receive them. */
  readonly updates = { events: 0, standings: 0, megabytes: 0 };

  constructor(
    private readonly brokers: string[],
    private readonly timeline: Timeline,
  ) {}

  get scored(): number {
    return this.scoredIds.size;
  }

  get ranked(): number {
    return this.rankedAt.size;
  }

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: 'bench-probe', brokers: this.brokers, logLevel: logLevel.ERROR });
    await this.follow(kafka, Topics.Scores, (key) => {
      if (this.scoredIds.has(key)) return;
      this.scoredIds.add(key);
      this.scoredAt.set(key, Date.now());
      this.timeline.scored();
    });
    await this.follow(kafka, Topics.Rankings, (_key, value) => {
      this.updates.megabytes += value.length / 2 ** 20;
      this.onRanking(JSON.parse(value.toString()) as RankingUpdate);
    });
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
  }

  /** Records when these nominations were submitted; `measure` adds their latencies to the percentiles. */
  submitted(ids: string[], at: number, measure: boolean): void {
    for (const id of ids) {
      this.submittedAt.set(id, at);
      if (measure) this.measuring.add(id);
      const ranked = this.rankedAt.get(id);
      if (ranked !== undefined) this.record(id, ranked);
    }
  }

  /** Latencies of the measured nominations, sorted: to the ranking.updated that shows them, and to their score. */
  latencySamples(): { ranked: number[]; scored: number[] } {
    return { ranked: [...this.latencies].sort((a, b) => a - b), scored: [...this.toScored].sort((a, b) => a - b) };
  }

  isRanked(id: string): boolean {
    return this.rankedAt.has(id);
  }

  lastRankedAt(ids: string[]): number {
    return ids.reduce((last, id) => Math.max(last, this.rankedAt.get(id) ?? 0), 0);
  }

  private onRanking(event: RankingUpdate): void {
    if (event.type !== EventTypes.RankingUpdated) return;
    this.updates.events++;
    this.updates.standings += event.data.standings.length + event.data.ineligible.length;
    const now = Date.now();
    for (const s of event.data.standings) if (s.status === 'final') this.markRanked(s.nominationId, now);
    for (const s of event.data.ineligible) this.markRanked(s.nominationId, now);
  }

  private markRanked(id: string, at: number): void {
    if (this.rankedAt.has(id)) return;
    this.rankedAt.set(id, at);
    if (this.submittedAt.has(id)) this.record(id, at);
  }

  private record(id: string, rankedAt: number): void {
    const latency = rankedAt - this.submittedAt.get(id)!;
    const measured = this.measuring.delete(id);
    if (measured) {
      this.latencies.push(latency);
      this.toScored.push((this.scoredAt.get(id) ?? rankedAt) - this.submittedAt.get(id)!);
    }
    this.timeline.ranked(rankedAt, measured ? latency : undefined);
  }

  private async follow(kafka: Kafka, topic: string, onMessage: (key: string, value: Buffer) => void): Promise<void> {
    const consumer = kafka.consumer({ groupId: `bench-probe-${topic}-${process.pid}`, maxWaitTimeInMs: 20 });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) if (m.key && m.value) onMessage(m.key.toString(), m.value);
      },
    });
  }
}
