import { coversProvince, NATIONAL_ROLES, type Principal, type Tier } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';

/**
 * Who may see a nomination (OWASP API1): national roles everything; province-scoped tokens their
 * provinces; national assessors and panel chairs (no provinces) the national round.
 */
export function canRead(principal: Principal, nomination: { province: string; tier: Tier }): boolean {
  if (NATIONAL_ROLES.has(principal.role)) return true;
  if (principal.provinces && principal.provinces.length > 0) return principal.provinces.includes(nomination.province);
  return (principal.role === 'assessor' || principal.role === 'panel-chair') && nomination.tier === 'national';
}

/** Writes (submit, amend, withdraw) need a writing role and the nomination's province in scope. */
export function assertCanWrite(principal: Principal, province: string): void {
  if (!coversProvince(principal, province)) {
    throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${province}`);
  }
}

/** SQL conditions restricting a listing to what the principal may read. */
export function readScope(principal: Principal, alias: string): { sql: string; params: unknown[] } {
  if (NATIONAL_ROLES.has(principal.role)) return { sql: 'TRUE', params: [] };
  if (principal.provinces && principal.provinces.length > 0)
    return { sql: `${alias}.province IN (:...scopeProvinces)`, params: principal.provinces };
  if (principal.role === 'assessor' || principal.role === 'panel-chair') return { sql: `${alias}.tier = 'national'`, params: [] };
  return { sql: 'FALSE', params: [] };
}
