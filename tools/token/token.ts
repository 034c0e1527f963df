import { ROLES, type Role } from '@paritrana/contracts';
import { DEVELOPMENT_JWT_SECRET, signToken } from '@paritrana/platform';
import { parseArgs } from 'node:util';

const usage = `Usage: npm run -s token -- --role ROLE [--provinces 15,16] [--sub ID] [--name NAME] [--hours 12]
Roles: ${ROLES.join(', ')}. Signs with AUTH_JWT_SECRET (the development secret when unset).`;

function main(): void {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        provinces: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        hours: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}\n${usage}`);
  const provinces = values.provinces
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (provinces?.some((p) => !/^\d{2}$/.test(p))) fail(`--provinces takes two-digit province codes, e.g. 15,16\n${usage}`);
  const hours = Number(values.hours ?? 12);
  if (!Number.isFinite(hours) || hours <= 0) fail(`--hours must be a positive number\n${usage}`);
  const sub = values.sub ?? `dev-${role}`;
  const token = signToken(process.env.AUTH_JWT_SECRET || DEVELOPMENT_JWT_SECRET, {
    sub,
    name: values.name ?? sub,
    role,
    ...(provinces && provinces.length > 0 ? { provinces } : {}),
    expiresInSeconds: Math.round(hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

main();
