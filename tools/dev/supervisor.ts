import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ManagedProcess {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  color: number;
}

const log = (name: string, color: number, line: string) => process.stdout.write(`\x1b[${color}m${name.padEnd(13)}\x1b[0m| ${line}\n`);

/**
 * Runs child processes in their own process groups, prefixes their output, restarts one that
 * exits unexpectedly (with backoff, logging each restart) and stops them all on request.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  start(spec: ManagedProcess, restarts = 0): void {
    const child = spawn(spec.command, spec.args, {
      env: spec.env ?? process.env,
      uid: spec.uid,
      gid: spec.gid,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.set(spec.name, child);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => log(spec.name, spec.color, line));
    }
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      const delay = Math.min(1_000 * 2 ** Math.min(restarts, 5), 30_000);
      log('supervisor', 35, `${spec.name} exited (${signal ?? `code ${code}`}); restart #${restarts + 1} in ${delay / 1000} s`);
      setTimeout(() => !this.stopping && this.start(spec, restarts + 1), delay);
    });
  }

  info(line: string): void {
    log('supervisor', 35, line);
  }

  /** Stops processes in the given order: SIGTERM to each group, SIGKILL after the grace period. */
  async stopAll(order: string[], graceMs = 15_000): Promise<void> {
    this.stopping = true;
    for (const name of order) {
      const child = this.children.get(name);
      if (!child || child.exitCode !== null || child.signalCode !== null) continue;
      await new Promise<void>((resolve) => {
        const kill = (signal: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, signal);
          } catch {
            resolve();
          }
        };
        const timer = setTimeout(() => kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        kill('SIGTERM');
      });
    }
  }
}
