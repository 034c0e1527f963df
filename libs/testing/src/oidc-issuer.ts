import type { Principal } from '@paritrana/contracts';
import { createHmac, createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';

/** Where the global setup leaves the test issuer (its URL and signing key) for the test workers. */
export const TEST_OIDC_ENV = 'PARITRANA_TEST_OIDC';

export interface TestOidcKey {
  issuer: string;
  kid: string;
  privateJwk: JWK;
  /** The public key as PEM, for forging tokens that misuse it (HS256 signed with it). */
  publicPem: string;
}

/**
 * A small OpenID Connect issuer for the suites: an RS256 key pair, its discovery document and
 * keys served over http on a free port. Tokens are signed in the test workers from the key the
 * global setup shares (`TEST_OIDC_ENV`), in Keycloak's access-token shape.
 */
export class TestOidcIssuer {
  private constructor(
    private readonly server: Server,
    readonly key: TestOidcKey,
  ) {}

  get issuer(): string {
    return this.key.issuer;
  }

  static async start(): Promise<TestOidcIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    let issuer = '';
    const server = createServer((request, response) => {
      const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.url === '/realms/paritrana/.well-known/openid-configuration') {
        return json({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs`, id_token_signing_alg_values_supported: ['RS256'] });
      }
      if (request.url === '/realms/paritrana/protocol/openid-connect/certs') return json({ keys: [publicJwk] });
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/paritrana`;
    return new TestOidcIssuer(server, {
      issuer,
      kid,
      privateJwk: await exportJWK(privateKey),
      publicPem: await exportSPKI(publicKey),
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

/** The test issuer's key, as the global setup shared it. */
export function testOidcKey(): TestOidcKey {
  const shared = process.env[TEST_OIDC_ENV];
  if (!shared) throw new Error(`${TEST_OIDC_ENV} is missing: the integration suites get their issuer from jest's global setup`);
  return JSON.parse(shared) as TestOidcKey;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A compact JWT of `header` and `claims`, signed by `signer` over its first two parts (none: unsigned). */
export function compactJwt(header: Record<string, unknown>, claims: Record<string, unknown>, signer?: (input: string) => Buffer): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${signer ? base64url(signer(input)) : ''}`;
}

export const rs256Signer =
  (key: KeyObject) =>
  (input: string): Buffer =>
    sign('sha256', Buffer.from(input), key);

export const hs256Signer =
  (secret: string) =>
  (input: string): Buffer =>
    createHmac('sha256', secret).update(input).digest();

let signingKey: { kid: string; key: KeyObject } | undefined;

/** Claims as Keycloak puts them in an access token of the paritrana realm, for a principal. */
export function keycloakClaims(
  principal: Omit<Principal, 'name' | 'role'> & { name?: string; roles: string[] },
  issuer = testOidcKey().issuer,
  lifetimeSeconds = 7_200,
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    exp: now + lifetimeSeconds,
    iat: now,
    jti: randomUUID(),
    iss: issuer,
    aud: ['paritrana-api', 'account'],
    sub: principal.sub,
    typ: 'Bearer',
    azp: 'paritrana-cli',
    sid: randomUUID(),
    scope: 'openid profile email',
    name: principal.name ?? principal.sub,
    preferred_username: principal.sub,
    roles: principal.roles,
    ...(principal.provinces ? { provinces: principal.provinces } : {}),
  };
}

/** An access token of the test issuer with these claims (signed with its key, unless another is given). */
export function signOidcToken(claims: Record<string, unknown>, key?: { kid: string; key: KeyObject }): string {
  if (!key) {
    const shared = testOidcKey();
    if (signingKey?.kid !== shared.kid) signingKey = { kid: shared.kid, key: createPrivateKey({ key: shared.privateJwk, format: 'jwk' }) };
    key = signingKey;
  }
  return compactJwt({ alg: 'RS256', typ: 'JWT', kid: key.kid }, claims, rs256Signer(key.key));
}

/** An access token of the test issuer for a principal, as Keycloak would issue it (with Keycloak's own roles beside ours). */
export const oidcTokenFor = (principal: Omit<Principal, 'name'> & { name?: string }): string =>
  signOidcToken(
    keycloakClaims({ ...principal, roles: [principal.role, 'offline_access', 'uma_authorization', 'default-roles-paritrana'] }),
  );
