import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { DomainError } from '../errors/domain-error';
import { signToken } from './jwt';
import { TokenVerifier } from './token-verifier';

const DEV_SECRET = 'unit-test-development-secret';

/** An identity provider for the test: its discovery document and keys over http, counting key fetches. */
class KeysServer {
  fetches = 0;
  discoveries = 0;
  keys: JWK[] = [];
  down = false;
  private server!: Server;
  issuer = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      if (request.url === '/realms/paritrana/.well-known/openid-configuration') this.discoveries++;
      if (this.down) return response.writeHead(503).end();
      const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.url === '/realms/paritrana/.well-known/openid-configuration')
        return json({ issuer: this.issuer, jwks_uri: `${this.issuer}/certs` });
      if (request.url === '/realms/paritrana/certs') {
        this.fetches++;
        return json({ keys: this.keys });
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realms/paritrana`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
  publicPem: string;
}

async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
    publicPem: await exportSPKI(publicKey),
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The refusal `verify` throws, as code and kind. */
async function refusalOf(verification: Promise<unknown>): Promise<{ code: string; kind: string }> {
  const error = await verification.then(
    () => {
      throw new Error('expected the token to be refused');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return { code: (error as DomainError).code, kind: (error as DomainError).kind };
}

describe('TokenVerifier', () => {
  const idp = new KeysServer();
  let rsa: SigningKey;
  let ec: SigningKey;
  let foreign: SigningKey;

  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: idp.issuer,
    aud: ['paritrana-api', 'account'],
    sub: 'b7e0c7e2-3a7f-4f3e-8d0c-5f1f6b1f2a10',
    typ: 'Bearer',
    azp: 'paritrana-cli',
    preferred_username: 'penilai-jambi',
    roles: ['assessor', 'offline_access', 'default-roles-paritrana'],
    provinces: ['15'],
    ...overrides,
  });
  const sign = (key: SigningKey, payload: Record<string, unknown> = claims(), expiresIn: string | number = '15m') =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key.privateKey);
  const oidcOnly = () => new TokenVerifier({ oidc: { issuer: idp.issuer, audience: 'paritrana-api' } });
  const both = () => new TokenVerifier({ developmentSecret: DEV_SECRET, oidc: { issuer: idp.issuer, audience: 'paritrana-api' } });

  beforeAll(async () => {
    [rsa, ec, foreign] = await Promise.all([signingKey('RS256', 'rsa-1'), signingKey('ES256', 'ec-1'), signingKey('RS256', 'rsa-1')]);
    await idp.start();
  });
  beforeEach(() => {
    idp.keys = [rsa.publicJwk, ec.publicJwk];
    idp.fetches = 0;
    idp.discoveries = 0;
    idp.down = false;
  });
  afterAll(() => idp.stop());

  describe('identity provider tokens', () => {
    it('should return the principal when an RS256 token of the issuer is verified', async () => {
      const sut = oidcOnly();

      expect(await sut.verify(await sign(rsa))).toEqual({
        sub: 'b7e0c7e2-3a7f-4f3e-8d0c-5f1f6b1f2a10',
        name: 'penilai-jambi',
        role: 'assessor',
        provinces: ['15'],
      });
    });

    it('should return the principal when an ES256 token of the issuer is verified', async () => {
      expect((await oidcOnly().verify(await sign(ec))).role).toBe('assessor');
    });

    it('should fetch the keys once and verify later tokens with the cached keys', async () => {
      const sut = oidcOnly();

      for (let i = 0; i < 5; i++) await sut.verify(await sign(rsa));

      expect(idp.fetches).toBe(1);
    });

    it('should fetch the keys again when a token names a key it does not know yet (a key rotation)', async () => {
      const sut = new TokenVerifier({ oidc: { issuer: idp.issuer, audience: 'paritrana-api', keyRefetchCooldownMs: 0 } });
      await sut.verify(await sign(rsa));
      const rotated = await signingKey('RS256', 'rsa-2');
      idp.keys = [...idp.keys, rotated.publicJwk];

      expect((await sut.verify(await sign(rotated))).role).toBe('assessor');
      expect(idp.fetches).toBe(2);
    });

    it('should fetch the keys from OIDC_JWKS_URL when it is given, without discovery', async () => {
      const sut = new TokenVerifier({
        oidc: { issuer: 'https://sso.example.go.id/realms/paritrana', audience: 'paritrana-api', jwksUrl: `${idp.issuer}/certs` },
      });

      expect((await sut.verify(await sign(rsa, claims({ iss: 'https://sso.example.go.id/realms/paritrana' })))).role).toBe('assessor');
    });

    it('should accept a token expired less than the clock tolerance ago', async () => {
      const now = Math.floor(Date.now() / 1000);

      expect((await oidcOnly().verify(await sign(rsa, claims(), now - 10))).role).toBe('assessor');
    });

    it.each([
      ['signed by a foreign key under the same kid', async () => sign(foreign), 'AUTH_INVALID'],
      ['signed by a foreign key under a kid the issuer never published', async () => sign({ ...foreign, kid: 'forged' }), 'AUTH_INVALID'],
      ['expired a minute ago', async () => sign(rsa, claims(), Math.floor(Date.now() / 1000) - 60), 'AUTH_EXPIRED'],
      ['issued by another issuer', async () => sign(rsa, claims({ iss: 'http://127.0.0.1:1/realms/elsewhere' })), 'AUTH_WRONG_ISSUER'],
      ['meant for another audience', async () => sign(rsa, claims({ aud: ['account'] })), 'AUTH_WRONG_AUDIENCE'],
      ['not valid before an hour from now', async () => sign(rsa, claims({ nbf: Math.floor(Date.now() / 1000) + 3600 })), 'AUTH_INVALID'],
      ['unsigned (alg none)', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`, 'AUTH_INVALID'],
      ['signed with HS256 and the issuer’s public key as the secret', async () => jwtWithPublicKeyAsSecret(), 'AUTH_INVALID'],
      ['signed with RS512, an algorithm not accepted', async () => relabelled('RS512'), 'AUTH_INVALID'],
      ['without an expiry', async () => noExpiry(), 'AUTH_INVALID'],
      ['not a JWT', async () => 'not.a.jwt', 'AUTH_INVALID'],
      ['a JWT with a tampered payload', async () => tampered(), 'AUTH_INVALID'],
    ])('should refuse with 401 when the token is %s', async (_, token, code) => {
      expect(await refusalOf(both().verify(await token()))).toEqual({ code, kind: 'unauthenticated' });
    });

    it.each([
      [['offline_access', 'default-roles-paritrana'], 'ROLE_MISSING'],
      [['admin', 'secretariat', 'offline_access'], 'ROLE_AMBIGUOUS'],
    ])('should refuse with 403 when the roles are %p', async (roles, code) => {
      expect(await refusalOf(oidcOnly().verify(await sign(rsa, claims({ roles }))))).toEqual({ code, kind: 'forbidden' });
    });

    it('should answer 503 AUTH_PROVIDER_UNAVAILABLE when the provider cannot be reached for its keys, and recover when it is back', async () => {
      const sut = new TokenVerifier({ oidc: { issuer: idp.issuer, audience: 'paritrana-api', discoveryRetryMs: 0 } });
      idp.down = true;

      expect(await refusalOf(sut.verify(await sign(rsa)))).toEqual({ code: 'AUTH_PROVIDER_UNAVAILABLE', kind: 'unavailable' });
      idp.down = false;
      expect((await sut.verify(await sign(rsa))).role).toBe('assessor');
    });

    it('should refuse at once without asking the provider again while its failed discovery is recent', async () => {
      const sut = new TokenVerifier({ oidc: { issuer: idp.issuer, audience: 'paritrana-api', discoveryRetryMs: 60_000 } });
      idp.down = true;
      const token = await sign(rsa);

      expect(await refusalOf(sut.verify(token))).toEqual({ code: 'AUTH_PROVIDER_UNAVAILABLE', kind: 'unavailable' });
      idp.down = false;
      expect(await refusalOf(sut.verify(token))).toEqual({ code: 'AUTH_PROVIDER_UNAVAILABLE', kind: 'unavailable' });
      expect(idp.discoveries).toBe(1);
    });

    it('should answer 503 when nothing listens at the issuer', async () => {
      const sut = new TokenVerifier({ oidc: { issuer: 'http://127.0.0.1:1/realms/paritrana', audience: 'paritrana-api' } });

      expect(await refusalOf(sut.verify(await sign(rsa, claims({ iss: 'http://127.0.0.1:1/realms/paritrana' }))))).toEqual({
        code: 'AUTH_PROVIDER_UNAVAILABLE',
        kind: 'unavailable',
      });
    });

    it('should keep verifying with the keys already fetched while the provider is down', async () => {
      const sut = oidcOnly();
      await sut.verify(await sign(rsa));
      idp.down = true;

      expect((await sut.verify(await sign(ec))).role).toBe('assessor');
    });

    it('should refuse with 401 AUTH_INVALID when no issuer is configured', async () => {
      const sut = new TokenVerifier({ developmentSecret: DEV_SECRET });

      expect(await refusalOf(sut.verify(await sign(rsa)))).toEqual({ code: 'AUTH_INVALID', kind: 'unauthenticated' });
    });
  });

  describe('development tokens', () => {
    const dev = (secret = DEV_SECRET, expiresInSeconds?: number) =>
      signToken(secret, { sub: 'kanwil-jambi', name: 'Kanwil Jambi', role: 'regional-office', provinces: ['15'], expiresInSeconds });

    it('should accept a development token when the development secret is configured beside the issuer', async () => {
      expect(await both().verify(dev())).toEqual({ sub: 'kanwil-jambi', name: 'Kanwil Jambi', role: 'regional-office', provinces: ['15'] });
    });

    it('should refuse a development token with 401 AUTH_INVALID when only the issuer is configured', async () => {
      expect(await refusalOf(oidcOnly().verify(dev()))).toEqual({ code: 'AUTH_INVALID', kind: 'unauthenticated' });
    });

    it('should refuse a development token signed with another secret with 401 AUTH_INVALID', async () => {
      expect(await refusalOf(both().verify(dev('another-secret-entirely')))).toEqual({ code: 'AUTH_INVALID', kind: 'unauthenticated' });
    });

    it('should refuse an expired development token with 401 AUTH_EXPIRED', async () => {
      expect(await refusalOf(both().verify(dev(DEV_SECRET, -60)))).toEqual({ code: 'AUTH_EXPIRED', kind: 'unauthenticated' });
    });
  });

  describe('authenticate', () => {
    it('should refuse with 401 AUTH_REQUIRED when the request has no bearer token', async () => {
      expect(await refusalOf(both().authenticate({ headers: {} }))).toEqual({ code: 'AUTH_REQUIRED', kind: 'unauthenticated' });
      expect(await refusalOf(both().authenticate({ headers: { authorization: 'Basic YTpi' } }))).toEqual({
        code: 'AUTH_REQUIRED',
        kind: 'unauthenticated',
      });
    });

    it('should verify a request’s token once however often it is asked', async () => {
      const sut = both();
      const verify = jest.spyOn(sut, 'verify');
      const request = { headers: { authorization: `Bearer ${await sign(rsa)}` } };

      const [first, second] = [await sut.authenticate(request), await sut.authenticate(request)];

      expect(first).toBe(second);
      expect(verify).toHaveBeenCalledTimes(1);
    });
  });

  async function jwtWithPublicKeyAsSecret(): Promise<string> {
    const input = `${base64url({ alg: 'HS256', typ: 'JWT', kid: rsa.kid })}.${base64url({ ...claims(), exp: Math.floor(Date.now() / 1000) + 600 })}`;
    const { createHmac } = await import('node:crypto');
    return `${input}.${createHmac('sha256', rsa.publicPem).update(input).digest('base64url')}`;
  }

  function noExpiry(): Promise<string> {
    return new SignJWT(claims()).setProtectedHeader({ alg: rsa.alg, kid: rsa.kid }).setIssuedAt().sign(rsa.privateKey);
  }

  async function relabelled(alg: string): Promise<string> {
    const [, payload, signature] = (await sign(rsa)).split('.');
    return `${base64url({ alg, kid: rsa.kid })}.${payload}.${signature}`;
  }

  async function tampered(): Promise<string> {
    const [header, , signature] = (await sign(rsa)).split('.');
    return `${header}.${base64url({ ...claims({ roles: ['admin'] }), exp: Math.floor(Date.now() / 1000) + 600 })}.${signature}`;
  }
});
