import { ROLES, type Role } from '@paritrana/contracts';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importNominations } from './importer';

const usage = `Usage: npm run import -- <file.csv> [--url http://127.0.0.1:3001] [--token JWT | --role ROLE --provinces 15,16]
Imports one nomination per row (template: docs/import-template.csv) through the batch API.
The token comes from --token, else PARITRANA_TOKEN, else a development token for --role (default admin).`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, token: { type: 'string' }, role: { type: 'string' }, provinces: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) fail(usage);
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const token = values.token ?? process.env.PARITRANA_TOKEN ?? developmentToken(values.role ?? 'admin', values.provinces);
  const progress = process.stderr.isTTY ? bar : () => undefined;
  const report = await importNominations(csv, { intakeUrl: values.url ?? 'http://127.0.0.1:3001', token, onProgress: progress });
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const o of report.outcomes) {
    if (o.status !== 201)
      process.stdout.write(`row ${o.row}: ${o.status === 409 ? 'already nominated' : `refused (${o.status})`}: ${o.message ?? ''}\n`);
  }
  process.stdout.write(
    `${report.outcomes.length} rows in ${report.seconds.toFixed(1)} s: ${report.accepted} accepted, ${report.duplicates} already nominated, ${report.refused} refused\n`,
  );
  process.exitCode = report.refused > 0 ? 1 : 0;
}

function developmentToken(role: string, provinces?: string): string {
  if (!(ROLES as readonly string[]).includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  process.stderr.write(`Using a development token for role ${role}; pass --token for a real one.\n`);
  return signToken(process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET, {
    sub: `import-${role}`,
    name: 'CSV import',
    role: role as Role,
    ...(provinces ? { provinces: provinces.split(',').map((p) => p.trim()) } : {}),
  });
}

function bar(done: number, total: number): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} rows`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

main().catch((error: Error) => fail(`Import failed: ${error.message}`));
