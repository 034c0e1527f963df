import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@paritrana/contracts';
import { sleep } from '@paritrana/infra/ports';
import type { KafkaCluster } from '@paritrana/infra/kafka-cluster';
import type { FaultPlatform, ServiceName } from './platform';
import type { Prober } from './probe';

export interface FaultResult {
  name: string;
  /** What was hit, when it is only known at the time (a broker node, a partition). */
  target?: string;
  /** From the kill or stop until the component was started again. */
  down_s: number;
  /** From the restart until the component itself answered again (health/ready, metadata and in-sync replicas, a query). */
  ready_s: number;
  /** From the restart until the platform worked again: every service ready and a probe through all of them. */
  recovery_s: number;
}

export interface Fault {
  name: string;
  /** Set by `prepare` when the target is chosen at the time. */
  target?: string;
  /** How long the component stays down before it is started again. */
  downMs: number;
  /** Sets the scene before the break. */
  prepare?(): Promise<void>;
  /** Breaks the component; resolves when it is down. */
  break(): Promise<void>;
  /** Starts it again; resolves when it answers. */
  repair(): Promise<void>;
  awaitReady(): Promise<void>;
}

const seconds = (from: number) => Math.round((Date.now() - from) / 100) / 10;

/** Breaks, waits `downMs`, repairs; recovery is timed from the repair to a completed probe. */
export async function inflict(fault: Fault, platform: FaultPlatform, prober: Prober): Promise<FaultResult> {
  await fault.prepare?.();
  const broken = Date.now();
  await fault.break();
  await sleep(fault.downMs);
  await fault.repair();
  const repaired = Date.now();
  const down_s = (repaired - broken) / 1000;
  await fault.awaitReady();
  const ready_s = seconds(repaired);
  await platform.allReady();
  await prober.probe();
  return {
    name: fault.name,
    ...(fault.target ? { target: fault.target } : {}),
    down_s: Math.round(down_s * 10) / 10,
    ready_s,
    recovery_s: seconds(repaired),
  };
}

/** SIGKILLs one process of `service` (its only one on a single-replica platform). */
export function serviceKill(platform: FaultPlatform, service: ServiceName, downMs: number, index = 0): Fault {
  const child = () => platform.replica(service, index).process;
  return {
    name: `SIGKILL ${child().name}`,
    downMs,
    break: () => child().stop('SIGKILL'),
    repair: async () => child().start(),
    awaitReady: () => platform.waitReplicaReady(service, index),
  };
}

export function brokerRestart(platform: FaultPlatform, downMs: number): Fault {
  const kafka = () => platform.kafka!;
  return {
    name: 'restart Kafka broker',
    downMs,
    break: () => kafka().stop('SIGTERM', 30_000),
    repair: async () => kafka().start(),
    awaitReady: () => platform.waitKafka(),
  };
}

/**
 * An immediate shutdown (SIGQUIT: no checkpoint, every connection cut, crash recovery at the start)
 * right after a surge of nominations, so that every consumer is in the middle of a backlog.
 */
export function postgresRestart(platform: FaultPlatform, downMs: number, surge: () => Promise<void>): Fault {
  return {
    name: 'restart PostgreSQL (immediate shutdown)',
    downMs,
    prepare: surge,
    break: () => platform.postgres.stop('SIGQUIT', 30_000),
    repair: async () => platform.postgres.start(),
    awaitReady: () => platform.waitPostgres(),
  };
}

/** A cluster node stopped (SIGKILL, or SIGTERM for a controlled shutdown) and started again; ready once every replica is in sync. */
function nodeFault(
  platform: FaultPlatform,
  name: string,
  downMs: number,
  choose: (cluster: KafkaCluster) => Promise<number>,
  signal: 'SIGKILL' | 'SIGTERM',
): Fault {
  const cluster = () => platform.cluster!;
  let node = 0;
  const fault: Fault = {
    name,
    downMs,
    prepare: async () => {
      // No node goes down while another is still catching up: min.insync.replicas would refuse writes.
      await platform.waitInSync();
      node = await choose(cluster());
      fault.target = `${fault.target ? `${fault.target}, ` : ''}node ${node}`;
    },
    break: () => (signal === 'SIGKILL' ? cluster().kill(node) : cluster().shutdown(node)),
    // Started again as a supervisor would; its start counts in ready_s, as the single broker's does.
    repair: async () => cluster().start(node),
    awaitReady: () => platform.waitKafka(),
  };
  return fault;
}

/** SIGKILLs the node leading the partition of the nominations topic that has taken the most messages. */
export function partitionLeaderKill(platform: FaultPlatform, downMs: number): Fault {
  const fault = nodeFault(
    platform,
    'SIGKILL the leader of a busy partition',
    downMs,
    async (cluster) => {
      const admin = new Kafka({ clientId: 'fault-leader', brokers: platform.brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const offsets = await admin.fetchTopicOffsets(Topics.Nominations);
        const busiest = offsets.reduce((a, b) => (Number(b.high) > Number(a.high) ? b : a));
        fault.target = `${Topics.Nominations}[${busiest.partition}] at offset ${busiest.high}`;
        return await cluster.leaderOf(Topics.Nominations, busiest.partition);
      } finally {
        await admin.disconnect();
      }
    },
    'SIGKILL',
  );
  return fault;
}

/** SIGKILLs the active controller (the metadata quorum's leader); another node is elected. */
export function controllerKill(platform: FaultPlatform, downMs: number): Fault {
  return nodeFault(
    platform,
    'SIGKILL the active controller',
    downMs,
    async (cluster) => {
      const controller = cluster.activeController();
      if (controller === undefined) throw new Error('No active controller found in the nodes quorum state');
      return controller;
    },
    'SIGKILL',
  );
}

/** One step of a rolling restart: node `nodeId` stopped cleanly and started again, the next only once every replica is in sync. */
export function rollingRestartStep(platform: FaultPlatform, nodeId: number, nodes: number, downMs: number): Fault {
  return nodeFault(platform, `rolling restart: broker ${nodeId} of ${nodes} (SIGTERM)`, downMs, async () => nodeId, 'SIGTERM');
}
