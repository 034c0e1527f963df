import type { Principal } from '@paritrana/contracts';
import { decodeProtectedHeader } from 'jose';
import { AuthRefusal } from './auth-errors';
import { verifyDevelopmentToken } from './jwt';
import { OIDC_ALGORITHMS, OidcVerifier, type OidcSettings } from './oidc-verifier';

export interface TokenVerifierOptions {
  /** Accept development tokens (HS256) signed with this secret; unset: refuse them. */
  developmentSecret?: string;
  /** Accept the identity provider's access tokens; unset: refuse them. */
  oidc?: OidcSettings;
}

interface BearerRequest {
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * Who a bearer token stands for. The token's `alg` header picks the path: HS256 is a development
 * token (checked with `AUTH_JWT_SECRET`), RS256/ES256 the identity provider's (checked against its
 * published keys); anything else, or a path not configured, is refused. Each request's token is
 * verified once, however many guards ask.
 */
export class TokenVerifier {
  private readonly oidc?: OidcVerifier;
  private readonly verified = new WeakMap<object, Promise<Principal>>();

  constructor(private readonly options: TokenVerifierOptions) {
    this.oidc = options.oidc ? new OidcVerifier(options.oidc) : undefined;
  }

  /** The principal of the request's bearer token; throws the refusal (401, 403 or 503) otherwise. */
  authenticate(request: BearerRequest): Promise<Principal> {
    let verification = this.verified.get(request);
    if (!verification) {
      const header = request.headers?.authorization;
      const [scheme, token] = typeof header === 'string' ? header.split(' ') : [];
      verification = scheme === 'Bearer' && token ? this.verify(token) : Promise.reject(AuthRefusal.required());
      this.verified.set(request, verification);
    }
    return verification;
  }

  async verify(token: string): Promise<Principal> {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw AuthRefusal.invalid('The bearer token is not a JWT');
    }
    if (alg === 'HS256') {
      if (!this.options.developmentSecret) {
        throw AuthRefusal.invalid('Development tokens (HS256) are not accepted here; sign in with the identity provider');
      }
      return verifyDevelopmentToken(this.options.developmentSecret, token);
    }
    if (OIDC_ALGORITHMS.includes(alg as string)) {
      if (!this.oidc) throw AuthRefusal.invalid('Identity provider tokens are not accepted here: no OIDC_ISSUER_URL is configured');
      return this.oidc.verify(token);
    }
    throw AuthRefusal.invalid(`The bearer token's signature algorithm is not accepted (only ${[...OIDC_ALGORITHMS, 'HS256'].join(', ')})`);
  }
}
