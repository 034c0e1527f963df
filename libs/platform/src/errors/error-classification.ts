import { InvalidEventError } from '@paritrana/contracts';
import { DomainError } from './domain-error';

/**
 * How a consumer treats a failed message, decided here only.
 * - `infrastructure`: the database or broker cannot serve right now (down, restarting, locks,
 *   deadlocks, serialization failures, resources exhausted). Says nothing about the message: it is
 *   retried until it goes through, never dead-lettered.
 * - `precondition`: a domain condition later events are expected to meet (an edition not yet
 *   projected). Retried with backoff; dead-lettered when retries run out.
 * - `permanent`: the message can never be applied (a domain rule violation, data the database
 *   refuses: SQLSTATE classes 22 and 23). Dead-lettered at once.
 * - `unknown`: anything else, most likely a bug (a TypeError after a bad deploy). Neither the
 *   message's fault nor passing: its partition is paused and retried until someone fixes the cause.
 */
export type FailureClass = 'infrastructure' | 'precondition' | 'permanent' | 'unknown';

/** SQLSTATEs of a database that is up but cannot serve this transaction now. */
const CONTENTION_STATES = /^(40001|40P01|55P03|55006|57014|53\d{3})$/;

export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof DomainError) return error.kind === 'unavailable' ? 'precondition' : 'permanent';
  if (error instanceof InvalidEventError) return 'permanent';
  if (isDatabaseUnreachable(error) || isBrokerUnreachable(error)) return 'infrastructure';
  const sqlState = codeOf(error);
  if (typeof sqlState === 'string') {
    if (/^(22|23)/.test(sqlState)) return 'permanent';
    if (CONTENTION_STATES.test(sqlState)) return 'infrastructure';
  }
  return 'unknown';
}

/** kafkajs marks the failures worth retrying (a broker down, a leader moving). */
export function isBrokerUnreachable(error: unknown): boolean {
  const { name, retriable } = (error ?? {}) as { name?: unknown; retriable?: unknown };
  return typeof name === 'string' && name.startsWith('KafkaJS') && retriable === true;
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
