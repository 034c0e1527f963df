import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@paritrana/infra/repo-root';
import type { KafkaLatency } from './baseline';
import type { CpuCost } from './cpu';
import type { StageFigures } from './stages';
import type { Goals, Ratios } from './figures';
import type { Machine } from './machine';
import type { Traffic } from './probe';

export interface BenchResult {
  timestamp: string;
  scale: string;
  nominations: number;
  seconds_to_ranked: number;
  e2e_per_s: number;
  intake_per_s: number;
  latency_ms: {
    p50: number;
    p95: number;
    p99: number;
    samples: number;
    offered_per_s: number;
    warmup_s: number;
    measured_s: number;
    /** Submit → the score.calculated of the same nominations: how much of the latency is intake and scoring. */
    to_score_calculated: { p50: number; p99: number };
    /** Each stage's p50 and p99 (ms), from the times the events carry and Kafka stamped on them. */
    stages?: StageFigures;
    /** The same at the start, before the load phase: the broker's and services' code not compiled yet. */
    cold?: { p50: number; p95: number; p99: number; samples: number; stages?: StageFigures };
  };
  /** Whole-board ranking.updated events of the load phase, the standings and ineligible entries they carried and their size. */
  ranking_updates: Traffic;
  /** The same for the compact ranking.changed events. */
  ranking_changes: Traffic;
  rss_mb: Record<string, number>;
  /** Peaks of each service's V8 heap in use and held, and of its memory outside the heap (Buffers), from its metrics every 2 s. */
  heap_mb: Record<string, { heap_used: number; heap_total: number; external: number }>;
  /** CPU seconds used during the run by each service, the broker and the bench itself (load, probe). */
  cpu_s: Record<string, number>;
  /** What the load phase cost per nomination: CPU of each process (PostgreSQL with its backends) and write-ahead log. */
  load_cost: { cpu: CpuCost; wal_kb_per_nomination: number };
  /** kafka_cpu: the throughput baseline's CPU per message, the broker's and the bench's (producer and consumer). */
  baseline: { kafka_msgs_per_s: number; kafka_latency_ms: KafkaLatency; kafka_cpu: CpuCost; pg_rows_per_s: number };
  ratios: Ratios;
  goals: Goals;
  machine: Machine;
  chart: string;
}

/** The name of a scale's latest results: `latest` for the default scale, `latest-<scale>` for the others. */
export const latestName = (scale: string) => (scale === 'default' ? 'latest' : `latest-${scale}`);

/** bench/results/<timestamp>.json and .png, copied to latest.json and latest.png (latest-<scale>.* at another scale). */
export function writeResults(result: Omit<BenchResult, 'chart'>, png: Buffer): { json: string; png: string; latest: string } {
  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = result.timestamp.replace(/[:.]/g, '-');
  const latest = latestName(result.scale);
  const files = { json: join(dir, `${stamp}.json`), png: join(dir, `${stamp}.png`), latest: join(dir, `${latest}.json`) };
  writeFileSync(files.png, png);
  writeFileSync(files.json, `${JSON.stringify({ ...result, chart: `${stamp}.png` }, null, 2)}\n`);
  writeFileSync(files.latest, `${JSON.stringify({ ...result, chart: `${latest}.png` }, null, 2)}\n`);
  copyFileSync(files.png, join(dir, `${latest}.png`));
  return files;
}
