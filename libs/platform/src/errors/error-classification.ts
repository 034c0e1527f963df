import { DomainError } from './domain-error';

/**
 * The one place that decides whether a failed message is worth retrying.
 * Permanent: domain rule violations and data the database refuses (SQLSTATE classes 22, 23).
 * Transient: anything unavailable right now (connections, locks, a precondition not yet met).
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof DomainError) return error.kind === 'unavailable';
  const sqlState =
    (error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && /^(22|23)/.test(sqlState)) return false;
  return true;
}
