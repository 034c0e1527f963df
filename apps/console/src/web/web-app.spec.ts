import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleNotBuiltError, contentSecurityPolicy, NONCE_PLACEHOLDER, webApp } from './web-app';

describe('contentSecurityPolicy', () => {
  it('should allow scripts from this origin only, styles with the nonce, and connections to the sign-in provider', () => {
    const policy = contentSecurityPolicy('abc', 'https://sso.example.id/realms/paritrana');

    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'nonce-abc'");
    expect(policy).toContain("connect-src 'self' https://sso.example.id");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe');
  });
});

describe('webApp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-web-'));
  let base: string;
  let server: ReturnType<ReturnType<typeof express>['listen']>;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), `<meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><div id="root"></div>`);
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    const app = express();
    app.use(webApp(dir, 'http://127.0.0.1:8080/realms/paritrana'));
    app.use((_req, res) => res.status(418).send('next'));
    await new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', () => resolve())));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should answer a deep link with the app, a fresh nonce in the page and in its policy', async () => {
    const first = await fetch(`${base}/nominasi/6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44`);
    const second = await fetch(`${base}/`);
    const nonceOf = (html: string) => /content="([^"]+)"/.exec(html)![1];
    const [a, b] = [await first.text(), await second.text()];

    expect(first.status).toBe(200);
    expect(first.headers.get('content-security-policy')).toContain(`'nonce-${nonceOf(a)}'`);
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(a).not.toContain(NONCE_PLACEHOLDER);
    expect(first.headers.get('cache-control')).toBe('no-store');
  });

  it('should serve hashed assets cached for a year, and a missing file as 404 rather than the app', async () => {
    const asset = await fetch(`${base}/assets/app-1234.js`);
    const missing = await fetch(`${base}/assets/app-9999.js`);

    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
    expect(missing.status).toBe(404);
  });

  it("should leave the server's own paths and other methods to the next handler", async () => {
    for (const [method, path] of [
      ['GET', '/api/intake/v1/x'],
      ['GET', '/config.json'],
      ['GET', '/health/ready'],
      ['POST', '/nominasi'],
    ])
      expect((await fetch(`${base}${path}`, { method })).status).toBe(418);
  });

  it('should refuse to start without a built app, saying how to build it', () => {
    expect(() => webApp(join(dir, 'nothing-here'), 'http://127.0.0.1:8080/realms/paritrana')).toThrow(ConsoleNotBuiltError);
  });
});
