import { readFileSync } from 'node:fs';
import type { RunningService, ServiceName } from './services';

/** Peak resident memory (VmHWM) of each service process, in MB, read from /proc while they run. */
export class RssSampler {
  private readonly peaks = new Map<ServiceName, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly services: RunningService[]) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), 1_000);
  }

  /** Samples a last time (call before the services stop) and returns the peaks. */
  stop(): Record<ServiceName, number> {
    clearInterval(this.timer);
    this.sample();
    return Object.fromEntries([...this.peaks].map(([name, kb]) => [name, Math.round(kb / 1024)])) as Record<ServiceName, number>;
  }

  private sample(): void {
    for (const service of this.services) {
      const status = readStatus(service.process.pid);
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      this.peaks.set(service.name, Math.max(this.peaks.get(service.name) ?? 0, kb));
    }
  }
}

function readStatus(pid: number | undefined): string {
  try {
    return pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  } catch {
    return '';
  }
}
