import { coversProvince, NATIONAL_ROLES, type Principal } from '@paritrana/contracts';
import { DomainError } from '@paritrana/platform';

/** Writes (submit, amend, withdraw) need a writing role and the nomination's province in scope. */
export function assertCanWrite(principal: Principal, province: string): void {
  if (!coversProvince(principal, province)) {
    throw DomainError.forbidden('PROVINCE_OUT_OF_SCOPE', `Your token does not cover province ${province}`);
  }
}

/** Which nominations a listing may show a reader; the store turns it into its own conditions. */
export type ReadScope =
  { kind: 'everything' } | { kind: 'provinces'; provinces: string[] } | { kind: 'national-round' } | { kind: 'nothing' };

export function readScope(principal: Principal): ReadScope {
  if (NATIONAL_ROLES.has(principal.role)) return { kind: 'everything' };
  if (principal.provinces && principal.provinces.length > 0) return { kind: 'provinces', provinces: principal.provinces };
  if (principal.role === 'assessor' || principal.role === 'panel-chair') return { kind: 'national-round' };
  return { kind: 'nothing' };
}
