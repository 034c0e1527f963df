import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { sleep } from '@paritrana/infra/ports';

export interface ProcessSpec {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
}

const running = new Set<ChildProcess>();

export class ProcessExitedError extends Error {
  readonly code = 'FAULT_PROCESS_EXITED';
}

/** Whatever happens to the run, no process it started outlives it. */
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * One process the suite starts, kills and starts again with the same command (a supervisor's
 * restart); its output is appended to a log file.
 */
export class ManagedProcess {
  private child?: ChildProcess;
  private readonly log: WriteStream;

  constructor(
    readonly name: string,
    private readonly spec: ProcessSpec,
    logFile: string,
  ) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.alive) throw new Error(`${this.name} is already running`);
    const child = spawn(this.spec.command, this.spec.args, {
      env: this.spec.env ?? process.env,
      uid: this.spec.uid,
      gid: this.spec.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.log.write(`\n===== ${new Date().toISOString()} started ${this.name} (pid ${child.pid})\n`);
    this.child = child;
  }

  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.log.write(`===== ${new Date().toISOString()} ${this.name} stopped by ${signal}\n`);
  }

  /** Fails when the process has exited by itself while it should run. */
  assertAlive(): void {
    if (this.child && !this.alive) throw new ProcessExitedError(`${this.name} exited by itself (code ${this.child.exitCode}); see its log`);
  }

  async close(): Promise<void> {
    await this.stop('SIGKILL');
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

/** Polls until `probe` answers true, failing with `what` after `timeoutMs`. */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const answered = () =>
    probe().catch((error: unknown) => {
      if (error instanceof ProcessExitedError) throw error;
      return false;
    });
  while (!(await answered())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}
