import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { sleep } from './ports';
import { repoRoot } from './repo-root';

const KEYCLOAK_SCRIPT = join(repoRoot(), 'deploy', 'keycloak', 'keycloak.sh');

/** The realm every Paritrana Award token comes from. */
export const KEYCLOAK_REALM = 'paritrana';

/** The development realm: the demo accounts (password `paritrana`) and the password grant for `paritrana-cli`. */
export const DEV_REALM_FILE = join(repoRoot(), 'deploy', 'keycloak', 'realm-paritrana.dev.json');

export interface KeycloakOptions {
  port: number;
  /** Keycloak's own store (H2) and import folder; reused across starts, the realm imported when fresh. */
  dataDir: string;
  /** The realm to import; the development realm by default. */
  realmFile?: string;
  /** Where Keycloak's output goes; inherits the parent's by default. With 'pipe', read it: a full pipe stalls Keycloak. */
  stdio?: 'inherit' | 'ignore' | 'pipe';
}

export interface RunningKeycloak {
  /** The realm's issuer, the `iss` of its tokens: http://127.0.0.1:<port>/realms/paritrana. */
  issuer: string;
  /** Keycloak's base URL. */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The environment keycloak.sh takes for these options. */
export function keycloakEnv(options: KeycloakOptions): NodeJS.ProcessEnv {
  return {
    KEYCLOAK_PORT: String(options.port),
    KEYCLOAK_DATA_DIR: options.dataDir,
    KEYCLOAK_HOSTNAME: `http://127.0.0.1:${options.port}`,
    ...(options.realmFile ? { KEYCLOAK_REALM_FILE: options.realmFile } : {}),
  };
}

export const keycloakIssuer = (port: number) => `http://127.0.0.1:${port}/realms/${KEYCLOAK_REALM}`;

/** Fetches and builds the Keycloak distribution with Maven once; later calls find it in the cache. */
export function fetchKeycloak(): void {
  const result = spawnSync('bash', [KEYCLOAK_SCRIPT, 'fetch'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Fetching Keycloak failed (exit ${result.status}); see the output above`);
}

/** True once the realm's OpenID Connect discovery document answers at `issuer`. */
export async function realmReady(issuer: string): Promise<boolean> {
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts a real Keycloak from the jars and waits until the realm answers its discovery document.
 * A cold start (fresh store, realm import) takes about half a minute; a slow machine, longer.
 */
export async function startKeycloak(options: KeycloakOptions, timeoutMs = 180_000): Promise<RunningKeycloak> {
  fetchKeycloak();
  const child = spawn('bash', [KEYCLOAK_SCRIPT, 'run'], {
    stdio: options.stdio ?? 'inherit',
    // Its own process group: kc.sh runs java as a child, and stop() must end both.
    detached: true,
    env: { ...process.env, ...keycloakEnv(options) },
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = () => stopGroup(child, 20_000);
  const url = `http://127.0.0.1:${options.port}`;
  const issuer = keycloakIssuer(options.port);
  const deadline = Date.now() + timeoutMs;
  while (!(await realmReady(issuer))) {
    if (exited) throw new Error(`Keycloak exited during start (code ${child.exitCode}); see its output above`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Keycloak did not serve ${issuer} within ${timeoutMs / 1000} s`);
    }
    await sleep(250);
  }
  return { issuer, url, process: child, stop };
}

/** SIGTERM to the process group, SIGKILL after the grace period. */
function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
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
