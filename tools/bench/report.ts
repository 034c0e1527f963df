import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@paritrana/infra/repo-root';
import type { Machine } from './machine';

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
    /** Submit → the score.calculated of the same nominations: how much of the latency is intake and scoring. */
    to_score_calculated: { p50: number; p99: number };
  };
  /** ranking.updated events of the load phase, the standings they carried and their size: what every rankings consumer reads. */
  ranking_updates: { events: number; standings: number; megabytes: number };
  rss_mb: Record<string, number>;
  /** CPU seconds used during the run by each service, the broker and the bench itself (load, probe). */
  cpu_s: Record<string, number>;
  baseline: { kafka_msgs_per_s: number; pg_rows_per_s: number };
  goals: { e2e_per_s: boolean; share_of_slower_baseline: number; p99_ms: boolean; rss_mb: boolean };
  machine: Machine;
  chart: string;
}

/** bench/results/<timestamp>.json and .png, copied to latest.json and latest.png. */
export function writeResults(result: Omit<BenchResult, 'chart'>, png: Buffer): { json: string; png: string } {
  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = result.timestamp.replace(/[:.]/g, '-');
  const files = { json: join(dir, `${stamp}.json`), png: join(dir, `${stamp}.png`) };
  writeFileSync(files.png, png);
  writeFileSync(files.json, `${JSON.stringify({ ...result, chart: `${stamp}.png` }, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ ...result, chart: 'latest.png' }, null, 2)}\n`);
  copyFileSync(files.png, join(dir, 'latest.png'));
  return files;
}
