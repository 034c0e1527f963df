import { signToken } from '@paritrana/platform';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '@paritrana/infra/ports';
import { repoRoot } from '@paritrana/infra/repo-root';
import { query } from './db';
import { faultEdition, villageNominees } from './edition';
import {
  brokerRestart,
  controllerKill,
  inflict,
  partitionLeaderKill,
  postgresRestart,
  rollingRestartStep,
  serviceKill,
  type Fault,
  type FaultResult,
} from './faults';
import { Ledger, LoadGenerator, post } from './load';
import { installOutboxLog } from './outbox-log';
import { FaultPlatform, SERVICES } from './platform';
import { Prober } from './probe';
import { killWhileSending, publishBoards } from './publication';
import { machine, summary, writeResults, type FaultRunResult } from './report';
import { judge } from './verdict';
import { observe } from './verify';

const env = process.env;
const knob = (name: string, fallback: number) => {
  const value = env[name] === undefined ? fallback : Number(env[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${env[name]}`);
  return value;
};
const BROKERS = knob('FAULT_BROKERS', 1);
const REPLICAS = knob('FAULT_REPLICAS', 1);
if (!Number.isInteger(BROKERS) || BROKERS === 2) throw new Error(`FAULT_BROKERS must be 1 or 3 or more, not ${env.FAULT_BROKERS}`);
if (!Number.isInteger(REPLICAS)) throw new Error(`FAULT_REPLICAS must be a whole number, not ${env.FAULT_REPLICAS}`);
/** Several brokers and processes share 2 cores on a small machine: a lighter load by default. */
const CLUSTERED = BROKERS > 1 || REPLICAS > 1;
const NOMINATIONS = knob('FAULT_NOMINATIONS', CLUSTERED ? 1_500 : 3_000);
const RATE = knob('FAULT_RATE', CLUSTERED ? 3 : 15);
const CLIENTS = knob('FAULT_CLIENTS', 3);
const BATCH = knob('FAULT_BATCH', 10);
const DOWN_MS = knob('FAULT_DOWN_SECONDS', 3) * 1000;
// Longer than a broker's session timeout (9 s): the cluster notices the node is gone and moves its leaderships.
const BROKER_DOWN_MS = knob('FAULT_BROKER_DOWN_SECONDS', 12) * 1000;
// Longer than a consumer's retries of one event last (CONSUMER_MAX_ATTEMPTS, about 23 s by default).
const PG_DOWN_MS = knob('FAULT_PG_DOWN_SECONDS', 30) * 1000;
const SURGE = knob('FAULT_SURGE', CLUSTERED ? 300 : 500);
const DRAIN_STALL_MS = 45_000;
const SPARES = 20;
const KILLS_WHILE_SENDING = 1;

const started = Date.now();
const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s]`;
const log = (line: string) => process.stdout.write(`${stamp()} ${line}\n`);

async function main(): Promise<number> {
  const root = repoRoot();
  const runDir = join(root, '.data', 'fault', new Date(started).toISOString().replace(/[:.]/g, '-'));
  const logDir = join(runDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const secret = randomBytes(24).toString('hex');
  const platform = new FaultPlatform(join(runDir, 'data'), logDir, secret, { brokers: BROKERS, replicas: REPLICAS });
  const interrupt = () => void platform.close().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let passed = false;
  try {
    log(
      `Starting ${BROKERS === 1 ? 'Kafka' : `a ${BROKERS}-node Kafka cluster`}, PostgreSQL, an SMTP server and ` +
        `${REPLICAS === 1 ? 'the four services' : `${REPLICAS} processes of each of the four services`} (logs in ${logDir})`,
    );
    await platform.start(log);
    const outboxes = await installOutboxLog(platform.databaseUrl);
    log(`Recording every row written to the outboxes of ${outboxes.join(', ')}`);
    const result = await run(platform, secret);
    passed = result.passed;
    process.stdout.write(summary(result));
    log(`Results in ${writeResults(join(root, 'fault', 'results'), result)} and fault/results/latest.json`);
    return passed ? 0 : 1;
  } finally {
    log('Stopping every process the suite started');
    await platform.close();
    if (passed && !env.FAULT_KEEP_DATA) rmSync(runDir, { recursive: true, force: true });
    else {
      rmSync(join(runDir, 'data'), { recursive: true, force: true });
      log(`Logs kept in ${logDir}`);
    }
  }
}

async function run(platform: FaultPlatform, secret: string): Promise<FaultRunResult> {
  const startedAt = new Date(started).toISOString();
  const admin = signToken(secret, { sub: 'fault-admin', name: 'Fault suite', role: 'admin' });
  const secretariat = signToken(secret, { sub: 'fault-secretariat', name: 'Fault suite secretariat', role: 'secretariat' });
  const edition = `f${Date.now().toString(36)}`;
  const defined = await post(`${platform.url('intake')}/v1/editions`, admin, faultEdition(edition));
  if (defined.status !== 201) throw new Error(`Defining edition ${edition} failed with ${defined.status}: ${defined.text}`);
  log(`Edition ${edition} defined`);

  const everyone = villageNominees(edition, NOMINATIONS + SPARES);
  const nominees = everyone.slice(0, NOMINATIONS);
  const ledger = new Ledger();
  const prober = new Prober(platform, ledger, admin, edition, everyone.slice(NOMINATIONS));
  const probeStart = Date.now();
  await prober.probe();
  const baseline = Math.round((Date.now() - probeStart) / 100) / 10;
  log(`Probe without fault: ${baseline} s from submission to scored, ranked and known to notification`);

  const tokens = Array.from({ length: CLIENTS }, (_, i) =>
    signToken(secret, { sub: `fault-client-${i + 1}`, name: `Fault client ${i + 1}`, role: 'admin' }),
  );
  const load = new LoadGenerator({ intakeUrls: platform.urls('intake'), tokens, nominees, batchSize: BATCH, ratePerSecond: RATE }, ledger);
  const progress = () => `${load.sent}/${NOMINATIONS} sent, ${ledger.acceptedCount} accepted, ${ledger.retries} retried requests`;
  log(
    `Load: ${NOMINATIONS} nominations, ${CLIENTS} clients, batches of ${BATCH}, ${RATE}/s while the faults last, then as fast as intake takes them`,
  );
  const loading = load.run();
  await sleep(5_000);

  const faults: FaultResult[] = [];
  const schedule: Fault[] = [
    // With several processes, one of each service (the first of intake, the second of scoring…).
    ...SERVICES.map((s, i) => serviceKill(platform, s.name, DOWN_MS, i % REPLICAS)),
    ...(BROKERS === 1
      ? [brokerRestart(platform, DOWN_MS)]
      : [
          partitionLeaderKill(platform, BROKER_DOWN_MS),
          controllerKill(platform, BROKER_DOWN_MS),
          ...Array.from({ length: BROKERS }, (_, i) => rollingRestartStep(platform, i + 1, BROKERS, DOWN_MS)),
        ]),
    postgresRestart(platform, PG_DOWN_MS, () => load.surge(SURGE)),
  ];
  for (const fault of schedule) {
    if (load.done) log(`WARNING: the load ended before "${fault.name}"; raise FAULT_NOMINATIONS or lower FAULT_RATE`);
    log(`Fault: ${fault.name} (${progress()})`);
    const result = await inflict(fault, platform, prober);
    faults.push(result);
    log(
      `  ${result.target ? `${result.target}: ` : ''}recovered: down ${result.down_s} s, ready ${result.ready_s} s after the restart, probe through the platform ${result.recovery_s} s after it`,
    );
    await sleep(2_000);
  }
  log(`Faults done (${progress()}); sending the rest`);
  load.hurry();
  await loading;
  log(`Load done: ${progress()}; waiting for the backlog to be scored and ranked`);
  await drain(platform, ledger, edition);

  const { winners, refused } = await publishBoards(platform, edition, secretariat);
  for (const board of refused) log(`WARNING: publishing ${board.boardId} was refused with ${board.status}: ${board.answer}`);
  log(`Boards published: ${winners} winners to mail; notification will be killed while sending`);
  const killAfter = Math.max(1, Math.floor(winners / 3));
  const mailFault = await killWhileSending(platform, winners, killAfter, DOWN_MS, 180_000);
  faults.push(mailFault);
  log(`  recovered: killed after ${mailFault.sentBeforeKill} emails, all sent ${mailFault.recovery_s} s after the restart`);
  // A delivery sent twice would show up within one lease after the others.
  await sleep(3_000);

  log('Verifying against the databases, every topic, the dead-letter topics and the mailbox');
  // Notification was killed once while sending: at most one email may come again, with the same Message-ID.
  const verdict = judge(await observe(platform, ledger, everyone, edition, KILLS_WHILE_SENDING));
  const failures = [...verdict.failures];
  if (refused.length > 0) failures.push(`${refused.length} board(s) could not be published: ${refused.map((b) => b.boardId).join(', ')}`);
  if (ledger.refused.length > 0)
    failures.push(`${ledger.refused.length} nomination(s) refused: ${JSON.stringify(ledger.refused.slice(0, 3))}`);
  return {
    started_at: startedAt,
    passed: failures.length === 0,
    failures,
    edition,
    brokers: BROKERS,
    replicas: REPLICAS,
    nominations_submitted: ledger.submitted,
    accepted: verdict.accepted,
    accepted_on_retry: ledger.acceptedOnRetry.size,
    refused: ledger.refused.length,
    lost: verdict.lost,
    lost_at: verdict.lostAt,
    duplicated: verdict.duplicated,
    duplicated_at: verdict.duplicatedAt,
    unaccounted: verdict.unaccounted,
    order_violations: verdict.orderViolations,
    order: verdict.order,
    emails_doubled: verdict.emails.doubled,
    outbox: verdict.outbox,
    http: { requests: ledger.requests, retries: ledger.retries },
    baseline_probe_s: baseline,
    faults,
    recovery_s: Object.fromEntries(faults.map((f) => [f.target ? `${f.name} (${f.target})` : f.name, f.recovery_s])),
    emails: { ...verdict.emails, kill_after_sent: mailFault.sentBeforeKill },
    kafka_redeliveries: verdict.redeliveries,
    dlq: verdict.deadLetters,
    total_s: Math.round((Date.now() - started) / 1000),
    machine: machine(),
  };
}

/**
 * Until every accepted nomination stands final on a board, or nothing moved for a while (then the
 * verification names what is missing).
 */
async function drain(platform: FaultPlatform, ledger: Ledger, edition: string): Promise<void> {
  const drainStart = Date.now();
  let ranked = -1;
  let movedAt = Date.now();
  let loggedAt = 0;
  for (;;) {
    const now = await query<{ n: number }>(
      platform.databaseUrl,
      `SELECT count(*)::int AS n FROM ranking.entries e JOIN ranking.boards b USING (board_id) WHERE b.edition = $1 AND e.status = 'final'`,
      [edition],
    ).then(([row]) => row.n);
    if (now !== ranked) [ranked, movedAt] = [now, Date.now()];
    if (ranked >= ledger.acceptedCount) break;
    if (Date.now() - movedAt > DRAIN_STALL_MS) {
      log(`WARNING: ${ranked}/${ledger.acceptedCount} ranked final and nothing moved for ${DRAIN_STALL_MS / 1000} s`);
      break;
    }
    if (Date.now() - loggedAt > 5_000) {
      loggedAt = Date.now();
      log(`  ${ranked}/${ledger.acceptedCount} ranked final`);
    }
    await sleep(500);
  }
  log(`Backlog drained in ${((Date.now() - drainStart) / 1000).toFixed(1)} s`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`\nFault suite failed: ${error.stack ?? error.message}\n`);
    process.exit(2);
  },
);
