import { Logger } from '@nestjs/common';
import type { Principal } from '@paritrana/contracts';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type JWTVerifyGetKey,
} from 'jose';
import { DomainError } from '../errors/domain-error';
import { AuthRefusal } from './auth-errors';
import { principalFromOidcClaims } from './oidc-claims';

export interface OidcSettings {
  /** The issuer (`iss`) whose tokens are accepted, e.g. http://127.0.0.1:8080/realms/paritrana. */
  issuer: string;
  /** What `aud` must contain. */
  audience: string;
  /** Where to fetch the keys; else the `jwks_uri` of `<issuer>/.well-known/openid-configuration`. */
  jwksUrl?: string;
  /** Leeway for `exp` and `nbf`, in seconds. */
  clockToleranceSeconds?: number;
  /** How long a fetch of the discovery document or the keys may take. */
  fetchTimeoutMs?: number;
  /** The shortest time between two fetches of the keys for tokens naming an unknown `kid`. */
  keyRefetchCooldownMs?: number;
  /** After a failed discovery, requests are answered 503 at once for this long before it is tried again. */
  discoveryRetryMs?: number;
}

export const OIDC_ALGORITHMS = ['RS256', 'ES256'];

/** The identity provider's keys could not be fetched (not the token's fault). */
class KeysUnavailable extends Error {
  override readonly name = 'KeysUnavailable';
}

/** Failures of the key lookup that are about the token (its `kid` or `alg`), not about the provider. */
const TOKEN_KEY_ERRORS = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys, errors.JOSENotSupported, errors.JOSEAlgNotAllowed];

/**
 * Verifies an identity provider's access tokens (RS256/ES256) against its published keys: keys
 * fetched once and cached (refreshed every 10 minutes, and at once on an unknown `kid`, at most
 * every 30 s); while the provider cannot be reached, the keys already fetched keep working.
 */
export class OidcVerifier {
  private readonly logger = new Logger('OidcVerifier');
  private keys?: Promise<JWTVerifyGetKey>;
  private discoveryFailedAt?: number;

  constructor(private readonly settings: OidcSettings) {}

  async verify(token: string): Promise<Principal> {
    const keys = await this.keySet();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: this.settings.clockToleranceSeconds ?? 30,
      }));
    } catch (error) {
      throw this.refusal(error);
    }
    return principalFromOidcClaims(payload);
  }

  private refusal(error: unknown): DomainError {
    if (error instanceof KeysUnavailable) {
      this.logger.warn(error.message);
      return AuthRefusal.providerUnavailable();
    }
    if (error instanceof errors.JWTExpired) return AuthRefusal.expired();
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') return AuthRefusal.wrongIssuer();
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return AuthRefusal.wrongAudience(this.settings.audience);
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
      return AuthRefusal.invalid('The bearer token is not valid yet');
    if (error instanceof errors.JWKSNoMatchingKey)
      return AuthRefusal.invalid('The bearer token was signed by a key the identity provider does not publish');
    if (error instanceof errors.JOSEError) return AuthRefusal.invalid();
    throw error;
  }

  /**
   * The provider's key set, from `OIDC_JWKS_URL` or discovery. A failed discovery is remembered for
   * `discoveryRetryMs`, so requests meanwhile are refused at once instead of each waiting on the provider.
   */
  private keySet(): Promise<JWTVerifyGetKey> {
    const retryMs = this.settings.discoveryRetryMs ?? 5_000;
    if (this.discoveryFailedAt !== undefined && Date.now() - this.discoveryFailedAt >= retryMs) {
      this.keys = undefined;
      this.discoveryFailedAt = undefined;
    }
    this.keys ??= this.jwksUrl().then(
      (url) => this.cachedKeys(url),
      (error: Error) => {
        this.discoveryFailedAt = Date.now();
        this.logger.warn(`${error.message}; tried again in ${retryMs} ms at the earliest`);
        throw AuthRefusal.providerUnavailable();
      },
    );
    return this.keys;
  }

  private async jwksUrl(): Promise<URL> {
    if (this.settings.jwksUrl) return new URL(this.settings.jwksUrl);
    const discovery = `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(discovery, { signal: AbortSignal.timeout(this.settings.fetchTimeoutMs ?? 5_000) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw new KeysUnavailable(`OpenID Connect discovery at ${discovery} failed: ${(error as Error).message}`);
    }
    if (document.issuer !== this.settings.issuer || typeof document.jwks_uri !== 'string') {
      throw new KeysUnavailable(
        `OpenID Connect discovery at ${discovery} names issuer ${JSON.stringify(document.issuer)} (expected ${this.settings.issuer}) or no jwks_uri`,
      );
    }
    return new URL(document.jwks_uri);
  }

  private cachedKeys(url: URL): JWTVerifyGetKey {
    const remote = createRemoteJWKSet(url, {
      timeoutDuration: this.settings.fetchTimeoutMs ?? 5_000,
      cooldownDuration: this.settings.keyRefetchCooldownMs ?? 30_000,
      cacheMaxAge: 600_000,
    });
    return async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (TOKEN_KEY_ERRORS.some((type) => error instanceof type)) throw error;
        const known = remote.jwks();
        if (known) return createLocalJWKSet(known)(header, token);
        throw new KeysUnavailable(`The identity provider's keys at ${url.href} cannot be fetched: ${(error as Error).message}`);
      }
    };
  }
}
