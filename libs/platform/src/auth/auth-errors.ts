import { DomainError } from '../errors/domain-error';

/**
 * Why a bearer token was refused. 401 when the token is not one we accept; 403 when it is
 * authentic but its claims give no usable principal; 503 when the identity provider's keys cannot
 * be fetched (the token may well be valid: try again).
 */
export const AuthRefusal = {
  required: () =>
    new DomainError(
      'AUTH_REQUIRED',
      'Send a bearer token: Authorization: Bearer <JWT> from the identity provider (in development: npm run -s token -- --role ROLE)',
      'unauthenticated',
    ),
  invalid: (why = 'The bearer token is invalid') => new DomainError('AUTH_INVALID', `${why}; request a new one`, 'unauthenticated'),
  expired: () => new DomainError('AUTH_EXPIRED', 'The bearer token has expired; request a new one', 'unauthenticated'),
  wrongIssuer: () =>
    new DomainError(
      'AUTH_WRONG_ISSUER',
      'The bearer token was issued by another identity provider than this platform trusts',
      'unauthenticated',
    ),
  wrongAudience: (audience: string) =>
    new DomainError(
      'AUTH_WRONG_AUDIENCE',
      `The bearer token is not meant for this platform (its audience lacks ${audience})`,
      'unauthenticated',
    ),
  roleMissing: () =>
    DomainError.forbidden('ROLE_MISSING', 'The token names none of the platform roles; ask for one of them to be assigned to your account'),
  roleAmbiguous: (roles: string[]) =>
    DomainError.forbidden(
      'ROLE_AMBIGUOUS',
      `The token names several platform roles (${roles.join(', ')}); an account must hold exactly one of them`,
    ),
  provincesInvalid: () =>
    DomainError.forbidden('PROVINCES_INVALID', 'The token’s provinces claim must list two-digit province codes, e.g. ["15", "16"]'),
  providerUnavailable: () =>
    DomainError.unavailable(
      'AUTH_PROVIDER_UNAVAILABLE',
      'The identity provider’s signing keys cannot be fetched right now, so the token cannot be checked; try again shortly',
    ),
};
