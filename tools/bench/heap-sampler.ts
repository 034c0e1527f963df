/** A service's memory as its own metrics tell it (prom-client's default metrics), in bytes. */
export interface ServiceMemory {
  heapUsed: number;
  /** The heap V8 holds from the system, in use or not. */
  heapTotal: number;
  external: number;
}

/** The V8 heap in use and held, and the memory held outside it (Buffers: fetched and compressed batches, query results) from a /metrics text. */
export function parseMemory(metrics: string): ServiceMemory | undefined {
  const value = (name: string) => metricValue(metrics, name);
  const memory = {
    heapUsed: value('nodejs_heap_size_used_bytes'),
    heapTotal: value('nodejs_heap_size_total_bytes'),
    external: value('nodejs_external_memory_bytes'),
  };
  return Object.values(memory).every(Number.isFinite) ? memory : undefined;
}

/** The longest the event loop was held up since the metrics were last read (prom-client resets it on each read), in ms. */
export function parseLongestStall(metrics: string): number | undefined {
  const seconds = metricValue(metrics, 'nodejs_eventloop_lag_max_seconds');
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/** An unlabelled metric's value in a /metrics text; NaN when it is missing. */
const metricValue = (metrics: string, name: string): number => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(metrics)?.[1] ?? NaN);

const SAMPLE_MS = 2_000;

/**
 * Asks each service for its metrics every 2 s and keeps the peaks of its V8 heap in use and of its memory outside the
 * heap: with the peak RSS, they tell which of them a service's memory is.
 */
export class HeapSampler {
  private readonly peaks = new Map<string, ServiceMemory>();
  private stalls?: Map<string, number>;
  private timer?: NodeJS.Timeout;

  constructor(private readonly services: Array<{ name: string; url: string }>) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), SAMPLE_MS);
  }

  /**
   * From now on, also keeps each service's longest event-loop stall, until stallsMs(): a handler that holds a
   * service's only thread holds up every event it has in hand.
   */
  watchStalls(): void {
    this.stalls = new Map();
  }

  /** The longest stall of each service's event loop since watchStalls(), in ms (the first sample reaches back up to 2 s before it). */
  stallsMs(): Record<string, number> {
    const stalls = Object.fromEntries([...(this.stalls ?? [])].map(([name, ms]) => [name, Math.round(ms)]));
    this.stalls = undefined;
    return stalls;
  }

  /** The peaks in MB by service. */
  stop(): Record<string, { heap_used: number; heap_total: number; external: number }> {
    clearInterval(this.timer);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    return Object.fromEntries(
      [...this.peaks].map(([name, m]) => [name, { heap_used: mb(m.heapUsed), heap_total: mb(m.heapTotal), external: mb(m.external) }]),
    );
  }

  private async sample(): Promise<void> {
    await Promise.all(
      this.services.map(async ({ name, url }) => {
        const text = await fetch(`${url}/metrics`).then(
          (r) => r.text(),
          () => undefined,
        );
        if (text === undefined) return;
        const stall = parseLongestStall(text);
        if (this.stalls && stall !== undefined) this.stalls.set(name, Math.max(this.stalls.get(name) ?? 0, stall));
        const memory = parseMemory(text);
        if (!memory) return;
        const peak = this.peaks.get(name);
        this.peaks.set(name, {
          heapUsed: Math.max(peak?.heapUsed ?? 0, memory.heapUsed),
          heapTotal: Math.max(peak?.heapTotal ?? 0, memory.heapTotal),
          external: Math.max(peak?.external ?? 0, memory.external),
        });
      }),
    );
  }
}
