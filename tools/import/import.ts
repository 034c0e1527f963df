import { ROLES, type Role } from '@paritrana/contracts';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deviceSignIn, LOCAL_ISSUER } from '../auth/device-sign-in';
import { importNominations } from './importer';

const usage = `Usage: npm run import -- <file.csv> [--url http://127.0.0.1:3001] [--token JWT | --issuer URL | --role ROLE --provinces 15,16]
Imports one nomination per row (template: docs/import-template.csv) through the batch API.
The token comes from --token, else PARITRANA_TOKEN, else a development token for --role, else you
sign in in a browser (device sign-in) at --issuer (default OIDC_ISSUER_URL, else ${LOCAL_ISSUER}).`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      issuer: { type: 'string' },
      role: { type: 'string' },
      provinces: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) fail(usage);
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const token =
    values.token ??
    process.env.PARITRANA_TOKEN ??
    (values.role
      ? developmentToken(values.role, values.provinces)
      : await signIn(values.issuer ?? process.env.OIDC_ISSUER_URL ?? LOCAL_ISSUER));
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

function signIn(issuer: string): Promise<string> {
  return deviceSignIn({
    issuer,
    onPrompt: ({ verificationUri, verificationUriComplete, userCode, expiresInSeconds }) =>
      process.stderr.write(
        `Masuk (sign in): open ${verificationUriComplete ?? verificationUri} in a browser` +
          `${verificationUriComplete ? '' : ` and enter the code ${userCode}`} within ${Math.round(expiresInSeconds / 60)} minutes.\n` +
          `Kode (code): ${userCode}. Waiting…\n`,
      ),
  });
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
