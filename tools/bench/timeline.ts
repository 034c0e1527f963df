/** What happened in each second of the run: the chart's data. */
export interface Second {
  t: number;
  submitted: number;
  scored: number;
  ranked: number;
  latenciesMs: number[];
}

export class Timeline {
  readonly seconds: Second[] = [];
  readonly started = Date.now();

  private at(time: number): Second {
    const t = Math.max(0, Math.floor((time - this.started) / 1000));
    while (this.seconds.length <= t) this.seconds.push({ t: this.seconds.length, submitted: 0, scored: 0, ranked: 0, latenciesMs: [] });
    return this.seconds[t];
  }

  submitted(count: number, time = Date.now()): void {
    this.at(time).submitted += count;
  }

  scored(time = Date.now()): void {
    this.at(time).scored++;
  }

  ranked(time: number, latencyMs?: number): void {
    const second = this.at(time);
    second.ranked++;
    if (latencyMs !== undefined) second.latenciesMs.push(latencyMs);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
