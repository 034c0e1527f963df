import type { Tier } from './edition/edition-definition';

export const ROLES = ['admin', 'secretariat', 'regional-office', 'assessor', 'panel-chair'] as const;
export type Role = (typeof ROLES)[number];

/** The claims of a platform JWT. `provinces` scopes province-bound roles to two-digit codes. */
export interface Principal {
  sub: string;
  name: string;
  role: Role;
  provinces?: string[];
}

export const NATIONAL_ROLES: ReadonlySet<Role> = new Set(['admin', 'secretariat']);

/** True when the principal may act on data of `province`. */
export function coversProvince(principal: Principal, province: string): boolean {
  if (NATIONAL_ROLES.has(principal.role)) return true;
  return principal.provinces?.includes(province) ?? false;
}

/**
 * Who may see a nomination, its score and its assessments (OWASP API1): national roles everything;
 * province-scoped tokens their provinces, in both rounds; national assessors and panel chairs (no
 * provinces) the national round. Anything else is answered as if it did not exist.
 */
export function canReadNomination(principal: Principal, nomination: { province: string; tier: Tier }): boolean {
  if (NATIONAL_ROLES.has(principal.role)) return true;
  if (principal.provinces && principal.provinces.length > 0) return principal.provinces.includes(nomination.province);
  return (principal.role === 'assessor' || principal.role === 'panel-chair') && nomination.tier === 'national';
}

/** Every role reads the national boards; a provincial board only the tokens covering its province. */
export function canReadBoard(principal: Principal, board: { tier: Tier; scope: string }): boolean {
  return board.tier === 'national' || coversProvince(principal, board.scope);
}
