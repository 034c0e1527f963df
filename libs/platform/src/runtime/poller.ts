import { Logger } from '@nestjs/common';

export interface PollerOptions {
  /** Names the poller in its log lines. */
  name: string;
  /** Pause between rounds while all is well. */
  intervalMs: number;
  /** A failed round is retried after intervalMs × 2^failures, at most this long. */
  maxBackoffMs?: number;
  /** Called when a round throws; the default logs a warning. */
  onError?: (error: Error, failures: number) => void;
}

/**
 * The lifecycle every background loop shares: one round at a time, rounds every interval, a round
 * asked for sooner with wake(), failures backed off, and stop() waiting for the round in flight.
 * A round returns true when it should be run again at once (say, a full batch).
 */
export class Poller {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running = false;
  private inFlight?: Promise<void>;
  private again = false;
  private failures = 0;

  constructor(
    private readonly round: () => Promise<boolean | void>,
    private readonly options: PollerOptions,
  ) {
    this.logger = new Logger(options.name);
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(delayMs = 0): void {
    if (this.running) return;
    this.running = true;
    this.schedule(delayMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  /** Runs a round soon; when one is in flight, another follows it at once. */
  wake(delayMs = 0): void {
    if (!this.running) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.schedule(delayMs);
  }

  /** Runs rounds until one has nothing more to do; resolves when the current work is done. */
  async runNow(): Promise<void> {
    if (!this.running) return;
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    clearTimeout(this.timer);
    this.inFlight = this.runRounds().finally(() => {
      this.inFlight = undefined;
      this.schedule(this.nextDelay());
    });
    return this.inFlight;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), delayMs);
  }

  private async runRounds(): Promise<void> {
    try {
      do {
        this.again = false;
        while (this.running && (await this.round()) === true) {
          /* a full round: go on at once */
        }
      } while (this.again && this.running);
      this.failures = 0;
    } catch (error) {
      this.failures++;
      if (this.options.onError) this.options.onError(error as Error, this.failures);
      else this.logger.warn(`${this.options.name} round failed (attempt ${this.failures}), retrying: ${(error as Error).message}`);
    }
  }

  private nextDelay(): number {
    if (this.again) return 0;
    if (this.failures === 0) return this.options.intervalMs;
    return Math.min(this.options.intervalMs * 2 ** this.failures, this.options.maxBackoffMs ?? 10_000);
  }
}
