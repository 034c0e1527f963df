import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LatencySamples, Traffic } from './probe';
import type { Timeline } from './timeline';

/** What the bench's thread asks of the probe's. */
export type ToProbe =
  | { kind: 'submitted'; ids: string[]; at: number; measure: boolean }
  | { kind: 'stages'; tracked: boolean }
  | { kind: 'take' }
  | { kind: 'stop' };

/** What the probe's thread tells: what it saw since it last told (ranked: id, when, latency when measured). */
export type FromProbe =
  | { kind: 'started' }
  | { kind: 'seen'; scored: number[]; ranked: Array<[string, number, number | undefined]>; updates: Traffic; changes: Traffic }
  | { kind: 'samples'; samples: LatencySamples; stallMs: number | undefined }
  | { kind: 'stopped' };

/**
 * The probe (probe.ts) on a thread of its own, so that what it measures is not held up by the bench's own work: a
 * stall of the bench's thread (a collection of its heap: the load's nominations, its clients' requests) would make a
 * nomination ranked meanwhile seen that much late: up to 86 ms in one run (bench/HISTORY.md, row 26d).
 * What the thread sees comes back every 50 ms: the bench waits on it and draws its chart from it; the latencies are
 * taken on the probe's thread.
 */
export class RemoteProbe {
  private readonly rankedAt = new Map<string, number>();
  private scoredCount = 0;
  private worker?: Worker;
  private failure?: Error;
  private readonly waiting = new Map<FromProbe['kind'], Array<{ resolve: (message: FromProbe) => void; reject: (error: Error) => void }>>();
  updates: Traffic = { events: 0, standings: 0, megabytes: 0 };
  changes: Traffic = { events: 0, standings: 0, megabytes: 0 };

  constructor(
    private readonly brokers: string[],
    private readonly timeline: Timeline,
  ) {}

  async start(): Promise<void> {
    const worker = new Worker(join(__dirname, 'probe-thread.js'), { workerData: { brokers: this.brokers } });
    this.worker = worker;
    worker.on('message', (message: FromProbe) => this.told(message));
    worker.on('error', (error) => {
      this.failure = error;
      for (const waiters of this.waiting.values()) for (const { reject } of waiters.splice(0)) reject(error);
    });
    await this.next('started');
  }

  get scored(): number {
    return this.scoredCount;
  }

  get ranked(): number {
    return this.rankedAt.size;
  }

  set stagesTracked(tracked: boolean) {
    this.send({ kind: 'stages', tracked });
  }

  submitted(ids: string[], at: number, measure: boolean): void {
    this.send({ kind: 'submitted', ids, at, measure });
  }

  /** The latencies measured since the last take, and the probe thread's longest stall while stages were tracked. */
  async takeLatencySamples(): Promise<LatencySamples & { stallMs: number | undefined }> {
    this.send({ kind: 'take' });
    const { samples, stallMs } = (await this.next('samples')) as Extract<FromProbe, { kind: 'samples' }>;
    return { ...samples, stallMs };
  }

  /** Seen ranked by the probe; throws when its thread failed. */
  isRanked(id: string): boolean {
    if (this.failure) throw new Error(`The probe's thread failed: ${this.failure.message}`);
    return this.rankedAt.has(id);
  }

  lastRankedAt(ids: string[]): number {
    return ids.reduce((last, id) => Math.max(last, this.rankedAt.get(id) ?? 0), 0);
  }

  async stop(): Promise<void> {
    if (!this.worker) return;
    if (!this.failure) {
      this.send({ kind: 'stop' });
      await this.next('stopped');
    }
    await this.worker.terminate();
  }

  private send(message: ToProbe): void {
    this.worker?.postMessage(message);
  }

  private next(kind: FromProbe['kind']): Promise<FromProbe> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.set(kind, [...(this.waiting.get(kind) ?? []), { resolve, reject }]));
  }

  private told(message: FromProbe): void {
    if (message.kind === 'seen') {
      for (const at of message.scored) this.timeline.scored(at);
      for (const [id, at, latency] of message.ranked) {
        this.rankedAt.set(id, at);
        this.timeline.ranked(at, latency);
      }
      this.scoredCount += message.scored.length;
      [this.updates, this.changes] = [message.updates, message.changes];
    }
    this.waiting.get(message.kind)?.shift()?.resolve(message);
  }
}
