import { CLOCK_TICKS_PER_S, parseStat, readProc } from './cpu';
import type { ServiceName } from './services';

export interface Sampled {
  name: ServiceName | 'kafka';
  pid: number | undefined;
}

/**
 * Reads /proc while the processes run: each one's peak resident memory (VmHWM, in MB) and the CPU
 * seconds it used (utime + stime), which show where the machine's two cores went.
 */
export class ProcessSampler {
  private readonly peaks = new Map<string, number>();
  private readonly cpu = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly processes: Sampled[]) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), 1_000);
  }

  /** Samples a last time (call before the processes stop). */
  stop(): { rssMb: Record<string, number>; cpuSeconds: Record<string, number> } {
    clearInterval(this.timer);
    this.sample();
    const mb = (kb: number) => Math.round(kb / 1024);
    return {
      rssMb: Object.fromEntries([...this.peaks].map(([name, kb]) => [name, mb(kb)])),
      cpuSeconds: Object.fromEntries([...this.cpu].map(([name, ticks]) => [name, Math.round(ticks / CLOCK_TICKS_PER_S)])),
    };
  }

  private sample(): void {
    for (const { name, pid } of this.processes) {
      if (!pid) continue;
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readProc(`/proc/${pid}/status`))?.[1] ?? 0);
      this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, kb));
      const ticks = parseStat(readProc(`/proc/${pid}/stat`))?.ticks ?? 0;
      if (ticks > 0) this.cpu.set(name, ticks);
    }
  }
}
