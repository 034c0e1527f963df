import { ROLES, type Principal, type Role } from '@paritrana/contracts';
import jwt from 'jsonwebtoken';
import type { DomainError } from '../errors/domain-error';
import { AuthRefusal } from './auth-errors';

/** A development token (HS256, `AUTH_JWT_SECRET`), as `npm run -s token` prints it. */
export interface TokenRequest {
  sub: string;
  name: string;
  role: Role;
  provinces?: string[];
  expiresInSeconds?: number;
}

export function signToken(secret: string, request: TokenRequest): string {
  const { expiresInSeconds = 12 * 3600, ...claims } = request;
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: expiresInSeconds, issuer: 'paritrana' });
}

/** Verifies a development token and checks its claims; throws the refusal (`AUTH_INVALID`, `AUTH_EXPIRED`) otherwise. */
export function verifyDevelopmentToken(secret: string, token: string): Principal {
  let claims: unknown;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: 'paritrana' });
  } catch (error) {
    throw error instanceof jwt.TokenExpiredError ? AuthRefusal.expired() : AuthRefusal.invalid();
  }
  const c = claims as Record<string, unknown>;
  if (typeof c.sub !== 'string' || typeof c.role !== 'string' || !(ROLES as readonly string[]).includes(c.role)) {
    throw AuthRefusal.invalid('The development token names no subject or no platform role');
  }
  const provinces = c.provinces;
  if (provinces !== undefined && !(Array.isArray(provinces) && provinces.every((p) => typeof p === 'string' && /^\d{2}$/.test(p)))) {
    throw AuthRefusal.invalid('The development token’s provinces are not two-digit codes');
  }
  return {
    sub: c.sub,
    name: typeof c.name === 'string' ? c.name : c.sub,
    role: c.role as Role,
    ...(provinces ? { provinces: provinces as string[] } : {}),
  };
}

/** Verifies a development token and checks its claims; returns undefined for anything not a valid principal. */
export function verifyToken(secret: string, token: string): Principal | undefined {
  try {
    return verifyDevelopmentToken(secret, token);
  } catch (error) {
    if ((error as DomainError).kind === 'unauthenticated') return undefined;
    throw error;
  }
}
