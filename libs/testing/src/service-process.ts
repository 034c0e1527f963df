import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { keepLogLines } from './captured-logs';
import { waitFor } from './wait-for';

export interface ServiceProcess {
  process: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * One service as its own operating-system process, from the build (`npm run build`), for tests
 * that kill it or read its output (`output` also receives stdout and stderr). Resolves when it answers /health/ready.
 */
export async function startServiceProcess(
  dir: string,
  port: number,
  env: Record<string, string>,
  output?: (chunk: string) => void,
): Promise<ServiceProcess> {
  const main = join(__dirname, '..', '..', '..', 'dist', 'apps', dir, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first (make test does)`);
  const child = spawn(process.execPath, ['--disable-warning=TimeoutNegativeWarning', main], {
    env: { ...process.env, LOG_LEVEL: 'warn', NO_COLOR: '1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept with the in-process services' logs, printed only when a test fails.
  const keep = (chunk: string) =>
    keepLogLines(
      chunk
        .trimEnd()
        .split('\n')
        .map((line) => `[${dir} pid ${child.pid}] ${line}`),
    );
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => {
      keep(chunk.toString());
      output?.(chunk.toString());
    });
  await waitFor(`${dir} to be ready`, async () => {
    if (child.exitCode !== null) throw new Error(`${dir} exited with ${child.exitCode}`);
    const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    return status === 200 ? true : undefined;
  });
  return {
    process: child,
    kill: (signal: NodeJS.Signals = 'SIGKILL') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
