import { EventTypes, Topics } from '@paritrana/contracts';
import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { BENCH_FETCH_WAIT_MS } from './infra';
import { Stages, type StageFigures } from './stages';

/** What the probe reads of a ranking.changed or ranking.updated: both carry these two lists. */
interface BoardEvent {
  type: string;
  data: {
    standings: Array<{ nominationId: string; status: string }>;
    ineligible: Array<{ nominationId: string }>;
    changedAt?: string;
    updatedAt?: string;
  };
}

/** Events of one type on the rankings topic: how many, the entries (standings and ineligible) they carried, their size. */
export interface Traffic {
  events: number;
  standings: number;
  megabytes: number;
}

/** One message of the rankings topic as the probe counts it: its type, size, entries carried and the nominations it shows ranked. */
export interface RankingMessage {
  type: string | undefined;
  bytes: number;
  entries: number;
  ranked: string[];
  /** When ranking announced it (epoch ms), for a board event. */
  announcedAt?: number;
}

/** What the probe tells as it sees it: a nomination scored, and one of those submitted ranked (with its latency when measured). */
export interface ProbeObserver {
  scored(at: number): void;
  ranked(nominationId: string, at: number, latencyMs: number | undefined): void;
}

/** The latencies of the nominations measured since the last take, sorted, and each stage's figures. */
export interface LatencySamples {
  ranked: number[];
  scored: number[];
  stages: StageFigures | undefined;
}

const BOARD_EVENTS: ReadonlySet<string> = new Set([EventTypes.RankingChanged, EventTypes.RankingUpdated]);

/**
 * Reads one message of the rankings topic. Its `ce_type` header, when present, tells a board event from the
 * others (ranking.published), which are not parsed; without it the value's own `type` decides. A ranking.changed
 * shows ranked the nominations it carries with a final score and those it carries among the ineligible. A whole board
 * (ranking.updated) named by its header is counted, not parsed: every change it shows went out before it, as a
 * ranking.changed on the same board's key.
 */
export function readRankingMessage(value: Buffer, ceType?: string): RankingMessage {
  if (ceType !== undefined && !BOARD_EVENTS.has(ceType)) return { type: ceType, bytes: value.length, entries: 0, ranked: [] };
  if (ceType === EventTypes.RankingUpdated) return { type: ceType, bytes: value.length, entries: countEntries(value), ranked: [] };
  const event = JSON.parse(value.toString()) as BoardEvent;
  if (!BOARD_EVENTS.has(event.type)) return { type: event.type, bytes: value.length, entries: 0, ranked: [] };
  const { standings, ineligible, changedAt, updatedAt } = event.data;
  return {
    type: event.type,
    bytes: value.length,
    entries: standings.length + ineligible.length,
    ranked: [...standings.filter((s) => s.status === 'final'), ...ineligible].map((e) => e.nominationId),
    announcedAt: Date.parse(changedAt ?? updatedAt ?? ''),
  };
}

const NOMINATION_ID = Buffer.from('"nominationId":');

/** The entries (standings and ineligible) of a board event, counted by their nomination ids without parsing it. */
export function countEntries(value: Buffer): number {
  let count = 0;
  for (let at = value.indexOf(NOMINATION_ID); at !== -1; at = value.indexOf(NOMINATION_ID, at + NOMINATION_ID.length)) count++;
  return count;
}

/**
 * Follows the platform from outside, as the national secretariat does: a nomination is scored when
 * its score.calculated passes on the scores topic, ranked when the first ranking.changed shows it
 * with a final score or among the ineligible. Latency runs from its submission; the moments of its
 * stages are read from the events while `stagesTracked` (the latency phases: the load's events are
 * not parsed beyond what counting them needs, so the probe takes less of the machine's CPU).
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
  private readonly measured: Array<{ nominationId: string; submitted: number; ranked: number }> = [];
  private readonly stages = new Stages();
  stagesTracked = false;
  /** Whole-board ranking.updated events, as the secretariat's consumers receive them. */
  readonly updates: Traffic = { events: 0, standings: 0, megabytes: 0 };
  /** Compact ranking.changed events. */
  readonly changes: Traffic = { events: 0, standings: 0, megabytes: 0 };

  constructor(
    private readonly brokers: string[],
    private readonly observer: ProbeObserver,
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: 'bench-probe', brokers: this.brokers, logLevel: logLevel.ERROR });
    await this.follow(kafka, Topics.Nominations, (key, value, headers, sentAt) => {
      if (!this.stagesTracked || headerText(headers?.ce_type) !== EventTypes.NominationSubmitted || this.stages.has(key)) return;
      const { data } = JSON.parse(value.toString()) as { data: { submittedAt: string } };
      this.stages.mark(key, 'accepted', Date.parse(data.submittedAt));
      this.stages.mark(key, 'nomination_sent', sentAt);
    });
    await this.follow(kafka, Topics.Scores, (key, value, _headers, sentAt) => {
      if (this.scoredIds.has(key)) return;
      const at = Date.now();
      this.scoredIds.add(key);
      this.scoredAt.set(key, at);
      this.observer.scored(at);
      if (!this.stagesTracked) return;
      const { data } = JSON.parse(value.toString()) as { data: { calculatedAt: string } };
      this.stages.mark(key, 'scored', Date.parse(data.calculatedAt));
      this.stages.mark(key, 'score_sent', sentAt);
    });
    await this.follow(kafka, Topics.Rankings, (_key, value, headers, sentAt) =>
      this.onRanking(value, headerText(headers?.ce_type), Date.now(), sentAt),
    );
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

  /**
   * Latencies of the nominations measured since the last call, sorted: to the first board event that shows them ranked,
   * and to their score; and the percentiles of each stage of the way.
   */
  takeLatencySamples(): LatencySamples {
    const samples = {
      ranked: this.latencies.splice(0).sort((a, b) => a - b),
      scored: this.toScored.splice(0).sort((a, b) => a - b),
      stages: this.stages.figures(this.measured.splice(0)),
    };
    return samples;
  }

  /** One message of the rankings topic, received `at`: counted by type, its nominations marked ranked unless already. */
  onRanking(value: Buffer, ceType?: string, at = Date.now(), sentAt = Number.NaN): void {
    const message = readRankingMessage(value, ceType);
    const traffic =
      message.type === EventTypes.RankingUpdated ? this.updates : message.type === EventTypes.RankingChanged ? this.changes : undefined;
    if (!traffic) return;
    traffic.events++;
    traffic.standings += message.entries;
    traffic.megabytes += message.bytes / 2 ** 20;
    for (const id of message.ranked) {
      if (this.rankedAt.has(id)) continue;
      this.stages.mark(id, 'announced', message.announcedAt ?? Number.NaN);
      this.stages.mark(id, 'ranking_sent', sentAt);
      this.markRanked(id, at);
    }
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
      this.measured.push({ nominationId: id, submitted: this.submittedAt.get(id)!, ranked: rankedAt });
      this.latencies.push(latency);
      this.toScored.push((this.scoredAt.get(id) ?? rankedAt) - this.submittedAt.get(id)!);
    }
    this.observer.ranked(id, rankedAt, measured ? latency : undefined);
  }

  private async follow(
    kafka: Kafka,
    topic: string,
    onMessage: (key: string, value: Buffer, headers: IHeaders | undefined, sentAt: number) => void,
  ): Promise<void> {
    const consumer = kafka.consumer({ groupId: `bench-probe-${topic}-${process.pid}`, maxWaitTimeInMs: BENCH_FETCH_WAIT_MS });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      // Its groups are its own and read from the beginning: a commit after each batch would only cost the broker.
      autoCommit: false,
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) if (m.key && m.value) onMessage(m.key.toString(), m.value, m.headers, Number(m.timestamp));
      },
    });
  }
}

function headerText(header: IHeaders[string]): string | undefined {
  const first = Array.isArray(header) ? header[0] : header;
  return first === undefined ? undefined : first.toString();
}
