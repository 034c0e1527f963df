import { coversProvince, NATIONAL_ROLES, type Principal } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';

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
