import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '@paritrana/infra/repo-root';

export interface Machine {
  cores: number;
  cpu: string;
  memory_gb: number;
  node: string;
  kafka: string;
  postgres: string;
  load_average: { start: number[]; end?: number[] };
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const pom = readFileSync(join(repoRoot(), 'deploy', 'kafka', 'pom.xml'), 'utf8');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = (await client.query<{ version: string }>('SELECT version()')).rows[0].version;
  await client.end();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kafka: /<kafka.version>(.*)<\/kafka.version>/.exec(pom)?.[1] ?? 'unknown',
    postgres,
    load_average: { start: loadAverage() },
  };
}

export const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Bytes of write-ahead log PostgreSQL has written so far: what the database had to make durable. */
export async function walBytes(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS bytes`);
    return Number(rows[0].bytes);
  } finally {
    await client.end();
  }
}
