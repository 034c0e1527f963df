import { ROLES, type Principal, type Role } from '@paritrana/contracts';
import jwt from 'jsonwebtoken';

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

/** Verifies a token and checks its claims; returns undefined for anything not a valid principal. */
export function verifyToken(secret: string, token: string): Principal | undefined {
  let claims: unknown;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: 'paritrana' });
  } catch {
    return undefined;
  }
  const c = claims as Record<string, unknown>;
  if (typeof c.sub !== 'string' || typeof c.role !== 'string' || !(ROLES as readonly string[]).includes(c.role)) return undefined;
  const provinces = c.provinces;
  if (provinces !== undefined && !(Array.isArray(provinces) && provinces.every((p) => typeof p === 'string' && /^\d{2}$/.test(p)))) {
    return undefined;
  }
  return {
    sub: c.sub,
    name: typeof c.name === 'string' ? c.name : c.sub,
    role: c.role as Role,
    ...(provinces ? { provinces: provinces as string[] } : {}),
  };
}
