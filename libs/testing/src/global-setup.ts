import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLane } from './lanes';
import { TEST_OIDC_ENV, TestOidcIssuer } from './oidc-issuer';
import { TEST_LANES_ENV, type TestInfra } from './test-infra';

/**
 * Real infrastructure for the integration and end-to-end suites, one lane (a Kafka broker and a
 * database) per Jest worker, so suites running side by side never see each other's events or
 * tables: the given KAFKA_BROKERS and DATABASE_URL (then one worker only); else, where a Docker
 * engine answers, Kafka and PostgreSQL containers; else Kafka brokers started from their jars and
 * fresh databases on the machine's PostgreSQL (embedded PostgreSQL when there is none).
 */
export default async function globalSetup(globalConfig: { maxWorkers: number; runInBand?: boolean }): Promise<void> {
  const started = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), 'paritrana-test-'));
  // Stopped in reverse order: the scratch folder goes last, after the brokers and databases using it.
  const infra: TestInfra = { stops: [async () => rmSync(scratch, { recursive: true, force: true })], databases: [] };
  (globalThis as { __paritranaInfra?: TestInfra }).__paritranaInfra = infra;
  const given = Boolean(process.env.KAFKA_BROKERS || process.env.DATABASE_URL);
  const workers = globalConfig.runInBand ? 1 : globalConfig.maxWorkers;
  if (given && workers > 1)
    throw new Error('With KAFKA_BROKERS or DATABASE_URL given, the suites share them: run them with --runInBand (make test does).');

  const lanes = await Promise.all(Array.from({ length: Math.max(1, workers) }, (_, i) => startLane(infra, join(scratch, `lane-${i + 1}`))));
  process.env[TEST_LANES_ENV] = JSON.stringify(lanes);
  // The identity provider of every service the suites start, and the key tokenFor signs with.
  const issuer = await TestOidcIssuer.start();
  infra.stops.push(() => issuer.stop());
  process.env.OIDC_ISSUER_URL = issuer.issuer;
  process.env[TEST_OIDC_ENV] = JSON.stringify(issuer.key);
  process.env.NODE_ENV = 'test';
  // The suites drive each service far harder than one client may; the rate-limit spec sets its own limit.
  process.env.RATE_LIMIT_PER_MINUTE ??= '1000000';
  console.log(
    `\nTest infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${lanes
      .map((lane) => `Kafka ${lane.brokers}, Postgres ${redact(lane.databaseUrl)}`)
      .join('; ')}; OpenID Connect issuer ${issuer.issuer}`,
  );
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
