import { signToken } from '@paritrana/platform';
import { randomBytes } from 'node:crypto';
import { sleep } from '@paritrana/infra/ports';
import { kafkaBaseline, kafkaLatencyBaselineOnThread, postgresBaseline, readEnvelopes } from './baseline';
import { renderChart } from './chart';
import { goalLines, goalsOf, ratiosOf, round } from './figures';
import { startInfra } from './infra';
import { Intake, submitAsFastAsPossible, submitAtRate } from './load';
import { cpuCost, cpuSnapshot, type CpuSource } from './cpu';
import { describeMachine, loadAverage, walBytes } from './machine';
import { type Traffic } from './probe';
import { RemoteProbe } from './remote-probe';
import { Progress } from './progress';
import { writeResults } from './report';
import { HeapSampler } from './heap-sampler';
import { ProcessSampler } from './process-sampler';
import { SERVICE_NAMES, startPlatform, type Platform } from './services';
import { percentile, Timeline } from './timeline';
import { benchEdition, governmentNominations, loadNominations, SCALES, scaleOf } from './workload';

const OFFERED_PER_S = 200;
/** The first seconds at the offered rate warm the services up (JIT, connections, first fetches) and are not measured. */
const WARMUP_SECONDS = 5;
const CLIENTS = 4;
/** The platform left idle this long after its start, its CPU measured. */
const IDLE_SECONDS = 20;
const STALL_MS = 180_000;
/** The baselines replay the run's first envelopes, at most this many (a national run's would not fit in memory). */
const BASELINE_MESSAGES = 100_000;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/**
 * `make bench`: the platform on a broker and database of its own. Latency at a steady 200/s first,
 * then every village and regency (and at BENCH_SCALE=national the employer pool; at BENCH_SCALE=small
 * the first 10,000) as fast as concurrent clients can submit them, until each is ranked; then the raw
 * Kafka (latency at 200/s, throughput) and Postgres baselines on the same broker and database.
 * Figures to bench/results/.
 */
async function main(): Promise<void> {
  const scale = scaleOf(process.env.BENCH_SCALE);
  const latencySeconds = SCALES[scale].latencySeconds;
  const timestamp = new Date().toISOString();
  const run = timestamp.replace(/\D/g, '').slice(0, 14);
  const timeline = new Timeline();
  const stops: Array<() => Promise<void>> = [];
  const stopEach = async (list: Array<() => Promise<void>>) => {
    for (const stop of list.reverse()) await stop().catch((error: Error) => log(`stopping: ${error.message}`));
  };
  const stopAll = () => stopEach(stops.splice(0));
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(143)));
  try {
    const infra = await startInfra(run, log);
    stops.push(infra.stop);
    const machine = await describeMachine(infra.databaseUrl);
    // Started first, the probe's groups bring up the broker's offsets topic before the services join theirs.
    const probe = new RemoteProbe(infra.brokers, timeline);
    await probe.start();
    stops.push(() => probe.stop());
    const secret = randomBytes(32).toString('hex');
    const platform = await startPlatform(
      {
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: secret,
        KAFKA_BROKERS: infra.brokers.join(','),
        DATABASE_URL: infra.databaseUrl,
        SMTP_URL: infra.smtpUrl,
        RATE_LIMIT_PER_MINUTE: '100000000',
      },
      log,
    );
    stops.push(platform.stop);
    const processes = [
      ...platform.services.map((s) => ({ name: s.name, pid: s.process.pid })),
      { name: 'kafka' as const, pid: infra.brokerPid },
    ];
    const sampler = new ProcessSampler(processes);
    sampler.start();
    const heaps = new HeapSampler(platform.services.map((s) => ({ name: s.name, url: s.url })));
    heaps.start();
    const cpuSources: CpuSource[] = [...processes, { name: 'postgres', pid: infra.postgresPid, tree: true }];
    const intake = new Intake(platform.url('intake'), signToken(secret, { sub: 'bench', name: 'Benchmark', role: 'admin' }));

    const editions = { latency: `b${run.slice(4)}-latency`, load: `b${run.slice(4)}` };
    const loadDefinition = benchEdition(editions.load, scale);
    await intake.defineEdition(benchEdition(editions.latency, 'default'));
    await intake.defineEdition(loadDefinition);
    await editionsProjected(platform, 2);

    // Two samples of the latency edition's nominations, one for each latency phase.
    const latencySample = (residue: number) =>
      governmentNominations(editions.latency)
        .filter((_, i) => i % 12 === residue)
        .slice(0, OFFERED_PER_S * (WARMUP_SECONDS + latencySeconds));
    const load = loadNominations(editions.load, scale);

    const state = { phase: 'cold', total: 0, submitted: 0, scoredBefore: 0, rankedBefore: 0 };
    const progress = new Progress(() => ({
      phase: state.phase,
      total: state.total,
      submitted: state.submitted,
      scored: probe.scored - state.scoredBefore,
      ranked: probe.ranked - state.rankedBefore,
    }));
    progress.start();
    const ids: string[] = [];
    const phase = (name: string, total: number) => {
      Object.assign(state, { phase: name, total, submitted: 0, scoredBefore: probe.scored, rankedBefore: probe.ranked });
      ids.length = 0;
    };
    let warmupEnds = 0;
    const accepted = (measure: boolean) => (batch: string[], sentAt: number) => {
      ids.push(...batch);
      state.submitted += batch.length;
      timeline.submitted(batch.length);
      probe.submitted(batch, sentAt, measure && sentAt >= warmupEnds);
    };
    const latencyPhase = async (name: string, sample: ReturnType<typeof latencySample>) => {
      phase(name, sample.length);
      warmupEnds = Date.now() + WARMUP_SECONDS * 1000;
      probe.stagesTracked = true;
      heaps.watchStalls();
      const [cpuBefore, started] = [cpuSnapshot(cpuSources), Date.now()];
      await submitAtRate(intake, sample, OFFERED_PER_S, accepted(true));
      await allRanked(probe, ids);
      probe.stagesTracked = false;
      const cpu = cpuCost(cpuBefore, cpuSnapshot(cpuSources), sample.length, (Date.now() - started) / 1000);
      const { stallMs, ...samples } = await probe.takeLatencySamples();
      return { ...samples, stallsMs: { ...heaps.stallsMs(), ...(stallMs === undefined ? {} : { probe: stallMs }) }, cpu };
    };

    // What the platform costs doing nothing (its consumers' fetches, pollers and heartbeats, the broker's own upkeep).
    const [idleCpuBefore, idleStarted] = [cpuSnapshot(cpuSources), Date.now()];
    await sleep(IDLE_SECONDS * 1000);
    const idleSeconds = (Date.now() - idleStarted) / 1000;
    const idleCpu = cpuCost(idleCpuBefore, cpuSnapshot(cpuSources), idleSeconds, idleSeconds);

    // Latency right after the start (the broker's and the services' code not compiled yet), then the load, then
    // latency again on the platform as it runs from then on: the figure judged, as the raw Kafka latency is taken on
    // the broker after the run.
    const cold = await latencyPhase('cold', latencySample(7));
    const updatesBefore = { ...probe.updates };
    const changesBefore = { ...probe.changes };
    phase('load', load.length);
    const [cpuBefore, walBefore] = [cpuSnapshot(cpuSources), await walBytes(infra.databaseUrl)];
    const started = Date.now();
    const submitSeconds = await submitAsFastAsPossible(intake, load, CLIENTS, accepted(false));
    await allRanked(probe, ids);
    const loadCpu = cpuCost(cpuBefore, cpuSnapshot(cpuSources), load.length, (Date.now() - started) / 1000);
    const walKbPerNomination = ((await walBytes(infra.databaseUrl)) - walBefore) / 1024 / load.length;
    const secondsToRanked = (probe.lastRankedAt(ids) - started) / 1000;
    const updatesAfter = { ...probe.updates };
    const changesAfter = { ...probe.changes };
    const latencies = await latencyPhase('latency', latencySample(1));
    progress.stop();

    const sampled = sampler.stop();
    const heapMb = heaps.stop();
    const rssMb = Object.fromEntries(SERVICE_NAMES.map((name) => [name, sampled.rssMb[name]]));
    // The baselines get the machine the platform had: everything but the broker and database stops.
    await stopEach(stops.splice(1));

    log('Raw baselines on the same broker and database…');
    // The topic holds the latency phase's envelopes and the load's: enough for either baseline.
    const throughputCount = Math.min(load.length, BASELINE_MESSAGES);
    const envelopes = await readEnvelopes(infra.brokers, Math.max(latencies.ranked.length, throughputCount));
    const kafkaLatency = await kafkaLatencyBaselineOnThread(
      infra.brokers,
      envelopes.slice(0, OFFERED_PER_S * (WARMUP_SECONDS + latencySeconds)),
      {
        perSecond: OFFERED_PER_S,
        warmupSeconds: WARMUP_SECONDS,
      },
    );
    const kafkaSources = cpuSources.filter((s) => s.name === 'kafka');
    const kafkaCpuBefore = cpuSnapshot(kafkaSources);
    const kafkaStarted = Date.now();
    const kafkaPerS = await kafkaBaseline(infra.brokers, envelopes.slice(0, throughputCount));
    const kafkaCpu = cpuCost(kafkaCpuBefore, cpuSnapshot(kafkaSources), throughputCount, (Date.now() - kafkaStarted) / 1000);
    const pgPerS = await postgresBaseline(infra.databaseUrl, envelopes.slice(0, throughputCount));

    const e2ePerS = load.length / secondsToRanked;
    const p = (q: number, samples = latencies.ranked) => Math.round(percentile(samples, q));
    const traffic = (now: Traffic, before: Traffic): Traffic => ({
      events: now.events - before.events,
      standings: now.standings - before.standings,
      megabytes: round(now.megabytes - before.megabytes, 1),
    });
    machine.load_average.end = loadAverage();
    const figures = {
      timestamp,
      scale,
      nominations: load.length,
      seconds_to_ranked: round(secondsToRanked, 1),
      e2e_per_s: Math.round(e2ePerS),
      intake_per_s: Math.round(load.length / submitSeconds),
      latency_ms: {
        p50: p(50),
        p95: p(95),
        p99: p(99),
        samples: latencies.ranked.length,
        offered_per_s: OFFERED_PER_S,
        warmup_s: WARMUP_SECONDS,
        measured_s: latencySeconds,
        to_score_calculated: { p50: p(50, latencies.scored), p99: p(99, latencies.scored) },
        ...(latencies.stages ? { stages: latencies.stages } : {}),
        longest_stall_ms: latencies.stallsMs,
        cpu: latencies.cpu,
        cold: {
          p50: p(50, cold.ranked),
          p95: p(95, cold.ranked),
          p99: p(99, cold.ranked),
          samples: cold.ranked.length,
          ...(cold.stages ? { stages: cold.stages } : {}),
          longest_stall_ms: cold.stallsMs,
          cpu: cold.cpu,
        },
      },
      ranking_updates: traffic(updatesAfter, updatesBefore),
      ranking_changes: traffic(changesAfter, changesBefore),
      rss_mb: rssMb,
      heap_mb: heapMb,
      cpu_s: { ...sampled.cpuSeconds, bench: Math.round(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6) },
      load_cost: { cpu: loadCpu, wal_kb_per_nomination: round(walKbPerNomination, 2) },
      idle_cost: { ms_per_s: idleCpu.ms_per_item, cores_busy: idleCpu.cores_busy },
      baseline: {
        kafka_msgs_per_s: Math.round(kafkaPerS),
        kafka_latency_ms: kafkaLatency,
        kafka_cpu: kafkaCpu,
        pg_rows_per_s: Math.round(pgPerS),
      },
    };
    const ratios = ratiosOf(figures);
    const goals = goalsOf(figures, ratios);
    const result = { ...figures, ratios, goals, machine };
    const files = writeResults(result, renderChart(timeline.seconds, `make bench ${timestamp} (${scale}): ${load.length} nominations`));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    for (const line of goalLines(figures, ratios, goals)) log(line);
    log(`Results in ${files.json} and ${files.latest}, chart ${files.png}`);
  } finally {
    await stopAll();
  }
}

/** Both editions projected by every consumer of the editions topic, read from the services' own metrics. */
async function editionsProjected(platform: Platform, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const name of ['scoring', 'ranking', 'notification'] as const) {
    for (;;) {
      const metrics = await fetch(`${platform.url(name)}/metrics`).then((r) => r.text());
      const applied = Number(/paritrana_events_consumed_total\{type="paritrana\.edition\.defined\.v1"\} (\d+)/.exec(metrics)?.[1] ?? 0);
      if (applied >= count) break;
      if (Date.now() > deadline) throw new Error(`${name} did not project the bench editions within 60 s`);
      await sleep(100);
    }
  }
}

/** Waits until every id is ranked; fails when nothing moved for STALL_MS. */
async function allRanked(probe: RemoteProbe, ids: string[]): Promise<void> {
  let ranked = 0;
  let movedAt = Date.now();
  for (;;) {
    const now = ids.filter((id) => probe.isRanked(id)).length;
    if (now === ids.length) return;
    if (now > ranked) {
      ranked = now;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > STALL_MS) {
      throw new Error(`Only ${now} of ${ids.length} nominations were ranked, none more for ${STALL_MS / 1000} s`);
    }
    await sleep(500);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`\nmake bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
