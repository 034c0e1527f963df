import { readdirSync, readFileSync } from 'node:fs';
import { round } from './figures';

export const CLOCK_TICKS_PER_S = 100;

/** A process whose CPU is counted: alone, or with every process below it (PostgreSQL's backends). */
export interface CpuSource {
  name: string;
  pid: number | undefined;
  tree?: boolean;
}

/** The CPU seconds each source has used so far; the bench's own process is `bench`. */
export type CpuSnapshot = Record<string, number>;

/** The fields of /proc/<pid>/stat the counts need, from its text (the command name may hold spaces and parentheses). */
export function parseStat(text: string): { ppid: number; ticks: number; childTicks: number } | undefined {
  const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
  if (fields.length < 15) return undefined;
  const n = (i: number) => Number(fields[i]);
  // After the name: state, ppid, … utime (12th), stime, cutime, cstime.
  return { ppid: n(1), ticks: n(11) + n(12), childTicks: n(13) + n(14) };
}

/**
 * CPU seconds of each source now. A tree counts its root, the children it has reaped (cutime) and those still running,
 * so a backend that ends between two snapshots is neither lost nor counted twice.
 */
export function cpuSnapshot(sources: CpuSource[]): CpuSnapshot {
  const stats = new Map<number, NonNullable<ReturnType<typeof parseStat>>>();
  const statOf = (pid: number) => {
    if (!stats.has(pid)) {
      const parsed = parseStat(readProc(`/proc/${pid}/stat`));
      if (parsed) stats.set(pid, parsed);
    }
    return stats.get(pid);
  };
  const snapshot: CpuSnapshot = {};
  const trees = sources.filter((s) => s.tree && s.pid);
  if (trees.length > 0) for (const entry of readdirSync('/proc')) if (/^\d+$/.test(entry)) statOf(Number(entry));
  for (const { name, pid, tree } of sources) {
    const root = pid ? statOf(pid) : undefined;
    if (!root) continue;
    let ticks = root.ticks;
    if (tree) {
      ticks += root.childTicks;
      for (const [child, stat] of stats) if (child !== pid && descendsFrom(child, pid!, stats)) ticks += stat.ticks;
    }
    snapshot[name] = ticks / CLOCK_TICKS_PER_S;
  }
  const self = process.cpuUsage();
  snapshot.bench = (self.user + self.system) / 1e6;
  return snapshot;
}

function descendsFrom(pid: number, ancestor: number, stats: Map<number, { ppid: number }>): boolean {
  for (let at = stats.get(pid)?.ppid, hops = 0; at !== undefined && at > 1 && hops < 64; at = stats.get(at)?.ppid, hops++) {
    if (at === ancestor) return true;
  }
  return false;
}

/** What some work cost: CPU milliseconds per item by source, and their total. */
export interface CpuCost {
  ms_per_item: Record<string, number>;
  total_ms_per_item: number;
  /** Cores kept busy on average while the work ran. */
  cores_busy: number;
}

/** The CPU used between two snapshots, per item, over `seconds` of wall-clock time. */
export function cpuCost(before: CpuSnapshot, after: CpuSnapshot, items: number, seconds: number): CpuCost {
  const used = Object.fromEntries(
    Object.keys(after)
      .filter((name) => name in before)
      .map((name) => [name, Math.max(0, after[name] - before[name])]),
  );
  const total = Object.values(used).reduce((sum, s) => sum + s, 0);
  const perItem = (s: number) => (items > 0 ? round((s * 1000) / items, 3) : 0);
  return {
    ms_per_item: Object.fromEntries(Object.entries(used).map(([name, s]) => [name, perItem(s)])),
    total_ms_per_item: perItem(total),
    cores_busy: seconds > 0 ? round(total / seconds, 2) : 0,
  };
}

/** A /proc file's text; empty when the process is gone. */
export function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
