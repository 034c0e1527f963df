import { signToken } from '@paritrana/platform';
import { http, SmtpSink, startServiceProcess, tokenFor, type ServiceProcess } from '@paritrana/testing';
import { startIntake } from '../harness/platform-harness';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@paritrana/infra/ports';
import { openRegencyEdition } from '@paritrana/testing/editions';

/** Each service with one of its protected routes. */
const SERVICES = [
  ['nomination-intake', '/v1/nominations'],
  ['scoring', '/v1/audit'],
  ['ranking', '/v1/boards'],
  ['notification', '/v1/notifications'],
] as const;

describe('HTTP hardening: security headers, rate limits and secrets kept out of logs (real Postgres and Kafka)', () => {
  describe('security headers and rate limits', () => {
    let intake: { url: string; close(): Promise<void> };
    const secretariat = tokenFor({ sub: 'sekretariat-rl', role: 'secretariat' });
    const other = tokenFor({ sub: 'sekretariat-other', role: 'secretariat' });

    beforeAll(async () => {
      intake = await startIntake({ RATE_LIMIT_PER_MINUTE: '5' });
    });
    afterAll(() => intake?.close());

    it("should send helmet's security headers and no x-powered-by", async () => {
      const response = await fetch(`${intake.url}/health/live`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('should answer 429 RATE_LIMITED with Retry-After once a client exceeds its allowance, other clients unaffected', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await http('GET', `${intake.url}/v1/nominations`, secretariat)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await fetch(`${intake.url}/v1/nominations`, { headers: { authorization: `Bearer ${secretariat}` } });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toEqual({
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^Too many requests: at most 5 per minute per client; retry after \d+ s/),
      });
      expect((await http('GET', `${intake.url}/v1/nominations`, other)).status).toBe(200);
    });

    it('should count requests with bad or no tokens against the caller’s address, and never throttle health checks', async () => {
      const forged = signToken('not-the-secret-of-this-platform', { sub: 'x', name: 'x', role: 'admin' });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await http('GET', `${intake.url}/v1/nominations`, i % 2 ? forged : undefined)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      for (let i = 0; i < 10; i++) expect((await fetch(`${intake.url}/health/ready`)).status).toBe(200);
    });

    it('should count requests through a trusted reverse proxy against the client’s address it forwards (TRUST_PROXY=loopback)', async () => {
      const through = (client: string) =>
        fetch(`${intake.url}/v1/nominations`, { headers: { 'x-forwarded-for': client } }).then((r) => r.status);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push(await through('203.0.113.10'));
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect(await through('203.0.113.11')).toBe(401);
    });
  });

  describe('secrets never logged', () => {
    const jwtSecret = `jwt-${randomBytes(12).toString('hex')}`;
    const dbPassword = `pw-${randomBytes(12).toString('hex')}`;
    const smtpPassword = `smtp-${randomBytes(12).toString('hex')}`;
    const smtp = new SmtpSink();
    const output: string[] = [];
    const processes: ServiceProcess[] = [];
    const urls: string[] = [];
    // The machine's PostgreSQL trusts local connections, so the password is carried but never needed.
    const databaseUrl = process.env.DATABASE_URL!.replace('postgres://postgres@', `postgres://postgres:${dbPassword}@`);
    const secrets = [jwtSecret, dbPassword, smtpPassword];

    beforeAll(async () => {
      expect(databaseUrl).toContain(dbPassword);
      await smtp.start();
      const env = {
        LOG_LEVEL: 'verbose',
        AUTH_JWT_SECRET: jwtSecret,
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtp.url.replace('smtp://', `smtp://mailer:${smtpPassword}@`),
      };
      for (const [service] of SERVICES) {
        const port = await freePort();
        processes.push(await startServiceProcess(service, port, env, (chunk) => output.push(chunk)));
        urls.push(`http://127.0.0.1:${port}`);
      }
    });

    afterAll(async () => {
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
      await smtp.stop();
    });

    it('should keep the JWT secret, database and SMTP passwords and bearer tokens out of every log line, even at verbose level', async () => {
      const token = signToken(jwtSecret, { sub: 'sekretariat-logs', name: 'Sekretariat', role: 'secretariat' });
      const [intakeUrl] = urls;
      expect((await http('POST', `${intakeUrl}/v1/editions`, token, openRegencyEdition(`lg${Date.now().toString(36)}`))).status).toBe(201);
      expect((await http('POST', `${intakeUrl}/v1/nominations`, token, { edition: 'none', secret: jwtSecret })).status).toBe(422);
      for (const [i, url] of urls.entries()) {
        expect((await http('GET', `${url}${SERVICES[i][1]}`, `${token}x`)).status).toBe(401);
        expect((await http('GET', `${url}/v1/nothing-here`, token)).status).toBe(404);
      }
      await Promise.all(processes.map((p) => p.kill('SIGTERM')));
      const log = output.join('');
      expect(log).toContain('listening on');
      for (const secret of [...secrets, token]) expect(log).not.toContain(secret);
    });

    it('should name a bad variable without echoing a secret when the environment is refused at boot', () => {
      const main = join(__dirname, '..', '..', 'dist', 'apps', 'nomination-intake', 'src', 'main.js');
      const refused = spawnSync(process.execPath, [main], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          AUTH_JWT_SECRET: 'tiny-9f3a8c',
          NODE_ENV: 'production',
          KAFKA_PARTITIONS: 'many',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(refused.status).not.toBe(0);
      const printed = refused.stdout + refused.stderr;
      expect(printed).toContain('AUTH_JWT_SECRET');
      expect(printed).toContain('KAFKA_PARTITIONS');
      expect(printed).not.toContain(dbPassword);
      expect(printed).not.toContain('tiny-9f3a8c');
    });
  });
});
