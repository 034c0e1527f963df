import { DomainError } from './domain-error';

/**
 * The one place that decides whether a failed message is worth retrying.
 * Permanent: domain rule violations and data the database refuses (SQLSTATE classes 22, 23).
 * Transient: anything unavailable right now (connections, locks, a precondition not yet met).
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof DomainError) return error.kind === 'unavailable';
  const sqlState = codeOf(error);
  if (typeof sqlState === 'string' && /^(22|23)/.test(sqlState)) return false;
  return true;
}

/** Socket errors of a server that is down or restarting. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** node-postgres' own words when a connection breaks or cannot be made. */
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is not available/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * The database cannot be reached right now: refused or broken connections, and the SQLSTATEs of a
 * server shutting down or starting (class 08, 57P01–57P03). Such a failure says nothing about the
 * message being handled, so it must never count against it.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = codeOf(error);
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08/.test(code) || /^57P0[123]$/.test(code))) return true;
  const message = (error as { message?: unknown })?.message;
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const driverError = (error as { driverError?: unknown })?.driverError;
  return driverError !== undefined && driverError !== error && isDatabaseUnreachable(driverError);
}

const codeOf = (error: unknown): unknown =>
  (error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
