import { ROLES, type Principal, type Role } from '@paritrana/contracts';
import { AuthRefusal } from './auth-errors';

const PROVINCE = /^\d{2}$/;

/**
 * The principal an identity provider's access token stands for (its signature, issuer, audience
 * and lifetime already checked): `sub`; `name`, else `preferred_username`, else the subject;
 * exactly one of our roles from `roles` (Keycloak adds its own there, e.g. `offline_access`:
 * ignored); `provinces`, two-digit codes (a list, or one code as a string; none: national).
 */
export function principalFromOidcClaims(claims: Record<string, unknown>): Principal {
  if (typeof claims.sub !== 'string' || claims.sub === '') throw AuthRefusal.invalid('The bearer token names no subject');
  if (claims.typ !== undefined && claims.typ !== 'Bearer') throw AuthRefusal.invalid('The bearer token is not an access token');
  const role = roleOf(claims.roles);
  const provinces = provincesOf(claims.provinces);
  const name = [claims.name, claims.preferred_username].find((n): n is string => typeof n === 'string' && n.trim() !== '');
  return { sub: claims.sub, name: name ?? claims.sub, role, ...(provinces.length > 0 ? { provinces } : {}) };
}

function roleOf(roles: unknown): Role {
  const listed = typeof roles === 'string' ? [roles] : Array.isArray(roles) ? roles : [];
  const ours = [...new Set(listed.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)))];
  if (ours.length === 0) throw AuthRefusal.roleMissing();
  if (ours.length > 1) throw AuthRefusal.roleAmbiguous(ours);
  return ours[0];
}

function provincesOf(provinces: unknown): string[] {
  if (provinces === undefined || provinces === null) return [];
  const listed = typeof provinces === 'string' ? [provinces] : provinces;
  if (!Array.isArray(listed) || !listed.every((p) => typeof p === 'string' && PROVINCE.test(p))) throw AuthRefusal.provincesInvalid();
  return [...new Set(listed as string[])];
}
