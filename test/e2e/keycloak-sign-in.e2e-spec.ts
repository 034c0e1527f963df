import { startKeycloak, type RunningKeycloak } from '@paritrana/infra/keycloak';
import { freePort } from '@paritrana/infra/ports';
import { http } from '@paritrana/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIntake } from '../harness/platform-harness';

/** Keycloak's cold start (realm import included) on a slow machine. */
const KEYCLOAK_START_MS = 240_000;

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
    intake = await startIntake({ OIDC_ISSUER_URL: keycloak.issuer, NODE_ENV: 'production', AUTH_JWT_SECRET: '' });
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
});
