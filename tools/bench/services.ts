import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { stopProcess } from '@paritrana/infra/kafka-broker';
import { freePort, sleep } from '@paritrana/infra/ports';
import { repoRoot } from '@paritrana/infra/repo-root';
import { SERVICE_ENV, SERVICE_NODE_ARGS } from '@paritrana/infra/service-runtime';

export const SERVICE_NAMES = ['intake', 'scoring', 'ranking', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const DIRS: Record<ServiceName, string> = {
  intake: 'nomination-intake',
  scoring: 'scoring',
  ranking: 'ranking',
  notification: 'notification',
};

export interface RunningService {
  name: ServiceName;
  url: string;
  process: ChildProcess;
}

export interface Platform {
  services: RunningService[];
  url(name: ServiceName): string;
  stop(): Promise<void>;
}

/** The four services from the build, each its own process on a free port, as `make start` runs them. */
export async function startPlatform(env: Record<string, string>, log: (line: string) => void): Promise<Platform> {
  const services: RunningService[] = [];
  const stop = () => Promise.all(services.map((s) => stopProcess(s.process, 10_000))).then(() => undefined);
  try {
    for (const name of SERVICE_NAMES) {
      const port = await freePort();
      const child = spawn(process.execPath, [...SERVICE_NODE_ARGS, join(repoRoot(), 'dist', 'apps', DIRS[name], 'src', 'main.js')], {
        env: { ...process.env, ...SERVICE_ENV, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
        // Their logs go to stderr: stdout carries the bench's results.
        stdio: ['ignore', 2, 2],
      });
      services.push({ name, url: `http://127.0.0.1:${port}`, process: child });
    }
    for (const service of services) await waitReady(service);
    log(`Services ready: ${services.map((s) => `${s.name} ${s.url}`).join(', ')}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { services, url: (name) => services.find((s) => s.name === name)!.url, stop };
}

async function waitReady(service: RunningService): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (service.process.exitCode !== null) throw new Error(`${service.name} exited with ${service.process.exitCode} at start`);
    const status = await fetch(`${service.url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${service.name} was not ready within 180 s`);
    await sleep(300);
  }
}
