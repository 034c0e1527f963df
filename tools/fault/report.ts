import { cpus, loadavg, release, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultResult } from './faults';
import type { Verdict } from './verdict';

export interface FaultRunResult {
  started_at: string;
  passed: boolean;
  failures: string[];
  edition: string;
  /** Kafka nodes (every one broker and controller) and processes of every service. */
  brokers: number;
  replicas: number;
  nominations_submitted: number;
  accepted: number;
  accepted_on_retry: number;
  refused: number;
  lost: number;
  lost_at: Verdict['lostAt'];
  duplicated: number;
  duplicated_at: Verdict['duplicatedAt'];
  unaccounted: number;
  /** Events that reached their topic after a later-written event of the same key. */
  order_violations: number;
  order: Verdict['order'];
  /** Winners who received more than one distinct email. */
  emails_doubled: number;
  /** Outbox rows written during the run, and what became of them. */
  outbox: Verdict['outbox'];
  http: { requests: number; retries: number };
  baseline_probe_s: number;
  faults: FaultResult[];
  /** Each fault's recovery (s): from the restart until a probe went through the whole platform. */
  recovery_s: Record<string, number>;
  emails: Verdict['emails'] & { kill_after_sent: number };
  kafka_redeliveries: Record<string, number>;
  dlq: Record<string, number>;
  total_s: number;
  machine: {
    cpus: number;
    cpu_model: string;
    memory_gb: number;
    os: string;
    node: string;
    /** 1-minute load average when the run started and when it ended: what else shared the machine. */
    load_average: { start: number; end: number };
  };
}

const oneMinuteLoad = () => Math.round(loadavg()[0] * 100) / 100;

/** Taken when the run starts. */
export const loadAtStart = oneMinuteLoad();

export const machine = (): FaultRunResult['machine'] => ({
  load_average: { start: loadAtStart, end: oneMinuteLoad() },
  cpus: cpus().length,
  cpu_model: cpus()[0]?.model ?? 'unknown',
  memory_gb: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${release()}`,
  node: process.version,
});

export function writeResults(dir: string, result: FaultRunResult): string {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  const file = join(dir, `${result.started_at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(join(dir, 'latest.json'), json);
  return file;
}

export function summary(r: FaultRunResult): string {
  const row = (label: string, value: string | number) => `  ${label.padEnd(44)} ${value}`;
  return [
    '',
    `Fault suite ${r.passed ? 'PASSED' : 'FAILED'} in ${r.total_s} s on ${r.machine.cpus} cores (load average ${r.machine.load_average.start} → ${r.machine.load_average.end}): ${r.brokers} Kafka broker(s), ${r.replicas} process(es) per service`,
    row('nominations submitted under fault', r.nominations_submitted),
    row('accepted (201, or 409 on a retry)', `${r.accepted} (${r.accepted_on_retry} on a retry)`),
    row('refused', r.refused),
    row('lost', `${r.lost} ${JSON.stringify(r.lost_at)}`),
    row('duplicated', `${r.duplicated} ${JSON.stringify(r.duplicated_at)}`),
    row('stored but never answered as accepted', r.unaccounted),
    row('per-key order violations', `${r.order_violations} (${r.order.checked} events on ${r.order.keys} keys checked)`),
    row(
      'outbox rows written / deleted but not on topic',
      `${r.outbox.written} / ${r.outbox.lost} (${r.outbox.queued} still queued, ${r.outbox.set_aside} set aside)`,
    ),
    row('HTTP requests / retried', `${r.http.requests} / ${r.http.retries}`),
    row('probe without fault (s)', r.baseline_probe_s),
    '',
    `  ${'fault'.padEnd(44)} ${'down s'.padStart(7)} ${'ready s'.padStart(8)} ${'recovery s'.padStart(11)}`,
    ...r.faults.map(
      (f) =>
        `  ${(f.target ? `${f.name} (${f.target})` : f.name).padEnd(44)} ${f.down_s.toFixed(1).padStart(7)} ${f.ready_s.toFixed(1).padStart(8)} ${f.recovery_s.toFixed(1).padStart(11)}`,
    ),
    '',
    row('emails expected / sent / doubled', `${r.emails.expected} / ${r.emails.sent} / ${r.emails.doubled}`),
    row('emails resent with the same Message-ID', r.emails.resent),
    row('emails missing / to non-winners', `${r.emails.missing} / ${r.emails.unexpected}`),
    row('Kafka redeliveries (same event id again)', JSON.stringify(r.kafka_redeliveries)),
    row('dead letters', JSON.stringify(r.dlq)),
    ...(r.failures.length > 0 ? ['', 'FAILURES:', ...r.failures.map((f) => `  - ${f}`)] : []),
    '',
  ].join('\n');
}
