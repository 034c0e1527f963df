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
