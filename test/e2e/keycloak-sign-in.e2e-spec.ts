import { startKeycloak, type RunningKeycloak } from '@paritrana/infra/keycloak';
import { freePort } from '@paritrana/infra/ports';
import { http, waitFor } from '@paritrana/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceSignIn, type DevicePrompt } from '../../tools/auth/device-sign-in';
import { startIntake } from '../harness/platform-harness';

/**
 * Keycloak's cold start (realm import included) on a slow machine, while the other worker runs the
 * browser suite with its own Keycloak and an 8,000-village board on the same two cores: 4 minutes
 * were seen to fall short once on a busy machine.
 */
const KEYCLOAK_START_MS = 480_000;

/**
 * The demo accounts of the development realm, signed in with the password grant against a real
 * Keycloak started from its distribution, used on nomination intake configured with that issuer only.
 */
describe('sign-in through a real Keycloak (development realm, password grant)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paritrana-keycloak-'));
  let keycloak: RunningKeycloak;
  let intake: { url: string; close(): Promise<void> };

  const passwordGrant = async (username: string) => {
    const response = await fetch(`${keycloak.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'paritrana-cli', username, password: 'paritrana' }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
  const nominations = async (token: string, province: string) => {
    const { status, body } = await http<{ code?: string }>('GET', `${intake.url}/v1/nominations?province=${province}`, token);
    return { status, code: status === 200 ? undefined : body?.code };
  };

  beforeAll(async () => {
    keycloak = await startKeycloak({ port: await freePort(), dataDir, stdio: 'ignore' }, KEYCLOAK_START_MS);
    // The issuer only: development tokens are no way in here.
    intake = await startIntake({
      OIDC_ISSUER_URL: keycloak.issuer,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: '',
      OIDC_CLOCK_TOLERANCE_SECONDS: '0',
    });
  }, KEYCLOAK_START_MS + 60_000);

  afterAll(async () => {
    await intake?.close();
    await keycloak?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should give kanwil-sumbagsel a 15-minute access token for paritrana-api with its role, provinces and name', async () => {
    const claims = claimsOf(await passwordGrant('kanwil-sumbagsel'));

    expect(claims).toMatchObject({ iss: keycloak.issuer, provinces: ['15', '16'], name: expect.any(String) });
    expect([claims.aud].flat()).toContain('paritrana-api');
    expect(claims.roles).toEqual(expect.arrayContaining(['regional-office']));
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
  });

  it('should answer 200 for its own province and 403 for another when kanwil-sumbagsel signs in', async () => {
    const token = await passwordGrant('kanwil-sumbagsel');

    expect(await nominations(token, '15')).toEqual({ status: 200 });
    expect(await nominations(token, '51')).toEqual({ status: 403, code: 'PROVINCE_OUT_OF_SCOPE' });
  });

  it('should let every demo account in with its one role', async () => {
    for (const username of [
      'admin',
      'sekretariat',
      'kanwil-banuspa',
      'penilai-jambi',
      'penilai-nasional',
      'ketua-jambi',
      'ketua-nasional',
    ]) {
      const { status } = await http('GET', `${intake.url}/v1/editions/none`, await passwordGrant(username));
      expect({ username, status }).toEqual({ username, status: 404 });
    }
  });

  it('should refuse with 401 a token with Keycloak’s claims signed by another key, and a real one whose claims were changed', async () => {
    const real = await passwordGrant('kanwil-sumbagsel');
    const claims = claimsOf(real);
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = (await exportJWK(publicKey)).n!.slice(0, 16);
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
    const [header, , signature] = real.split('.');
    const widened = `${header}.${Buffer.from(JSON.stringify({ ...claims, provinces: ['51'] })).toString('base64url')}.${signature}`;

    expect((await nominations(forged, '15')).status).toBe(401);
    expect((await nominations(widened, '51')).status).toBe(401);
  });

  it('should sign the command-line tools in through the device flow once the person approves in the browser', async () => {
    let prompted!: (prompt: DevicePrompt) => void;
    const prompt = new Promise<DevicePrompt>((resolve) => (prompted = resolve));
    const signedIn = deviceSignIn({ issuer: keycloak.issuer, onPrompt: prompted });

    const { verificationUriComplete } = await prompt;
    const final = await approveDevice(verificationUriComplete!, 'penilai-jambi');
    const token = await signedIn;

    expect(final).toContain('/device/status');
    expect(claimsOf(token)).toMatchObject({ roles: ['assessor'], provinces: ['15'] });
    expect(await nominations(token, '15')).toEqual({ status: 200 });
  });

  it('should refuse with 401 AUTH_EXPIRED a real token once its lifetime is over', async () => {
    const restore = await shortenTokenLifespan(keycloak.url, 'paritrana-cli', 1);
    try {
      const token = await passwordGrant('kanwil-sumbagsel');
      expect(Number(claimsOf(token).exp) - Number(claimsOf(token).iat)).toBe(1);

      const refused = await waitFor('the token to expire', async () => {
        const answer = await nominations(token, '15');
        return answer.status === 200 ? undefined : answer;
      });

      expect(refused).toEqual({ status: 401, code: 'AUTH_EXPIRED' });
    } finally {
      await restore();
    }
  });
});

/** Through Keycloak's admin API (the master realm's admin): access tokens of the client live `seconds`; answers the undo. */
async function shortenTokenLifespan(url: string, clientId: string, seconds: number): Promise<() => Promise<void>> {
  const login = await fetch(`${url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
  });
  const { access_token: admin } = (await login.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const [client] = (await (await fetch(`${url}/admin/realms/paritrana/clients?clientId=${clientId}`, { headers })).json()) as Array<{
    id: string;
    attributes?: Record<string, string>;
  }>;
  const put = async (attributes: Record<string, string>) => {
    const response = await fetch(`${url}/admin/realms/paritrana/clients/${client.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...client, attributes }),
    });
    expect(response.status).toBe(204);
  };
  const before = client.attributes ?? {};
  await put({ ...before, 'access.token.lifespan': String(seconds) });
  return () => put(before);
}

/** What a person does in the browser: open the address, sign in, grant access. Answers the last page's address. */
async function approveDevice(address: string, username: string): Promise<string> {
  const cookies = new Map<string, string>();
  const visit = async (target: string, form?: Record<string, string>) => {
    let url = target;
    let init: RequestInit = form ? { method: 'POST', body: new URLSearchParams(form) } : { method: 'GET' };
    for (let hop = 0; hop < 10; hop++) {
      const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { cookie } });
      for (const set of response.headers.getSetCookie()) {
        const pair = set.split(';')[0];
        cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).toString();
        init = { method: 'GET' };
        continue;
      }
      expect(response.status).toBe(200);
      return { url, html: await response.text() };
    }
    throw new Error(`Too many redirects from ${target}`);
  };
  const actionOf = (html: string, marker: RegExp) => {
    const form = html.match(/<form[^>]*>/g)?.find((f) => marker.test(f));
    const action = form?.match(/action="([^"]*)"/)?.[1].replaceAll('&amp;', '&');
    if (!action) throw new Error(`No form matching ${marker} on the page`);
    return action;
  };

  const login = await visit(address);
  const consent = await visit(new URL(actionOf(login.html, /kc-form-login/), login.url).toString(), {
    username,
    password: 'paritrana',
    credentialId: '',
  });
  const code = consent.html.match(/name="code" value="([^"]*)"/)?.[1] ?? '';
  const done = await visit(new URL(actionOf(consent.html, /login-actions\/consent/), consent.url).toString(), { code, accept: 'Yes' });
  return done.url;
}
