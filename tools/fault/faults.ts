import { sleep } from '@paritrana/infra/ports';
import type { FaultPlatform, ServiceName } from './platform';
import type { Prober } from './probe';

export interface FaultResult {
  name: string;
  /** From the kill or stop until the component was started again. */
  down_s: number;
  /** From the restart until the component itself answered again (health/ready, metadata, a query). */
  ready_s: number;
  /** From the restart until the platform worked again: every service ready and a probe through all of them. */
  recovery_s: number;
}

export interface Fault {
  name: string;
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
  return { name: fault.name, down_s: Math.round(down_s * 10) / 10, ready_s, recovery_s: seconds(repaired) };
}

export function serviceKill(platform: FaultPlatform, service: ServiceName, downMs: number): Fault {
  const child = () => platform.services.get(service)!.process;
  return {
    name: `SIGKILL ${service}`,
    downMs,
    break: () => child().stop('SIGKILL'),
    repair: async () => child().start(),
    awaitReady: () => platform.waitReady(service),
  };
}

export function brokerRestart(platform: FaultPlatform, downMs: number): Fault {
  return {
    name: 'restart Kafka broker',
    downMs,
    break: () => platform.kafka.stop('SIGTERM', 30_000),
    repair: async () => platform.kafka.start(),
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
