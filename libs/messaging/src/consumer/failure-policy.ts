import { classifyFailure, type FailureClass } from '@paritrana/platform/errors/error-classification';

export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Longest pause between looks at a database or broker that cannot serve, so its return is noticed soon. */
export const INFRASTRUCTURE_MAX_DELAY_MS = 2_000;

export type FailureDecision =
  /** Try the same event again after delayMs; `counted` when the attempt counts towards maxAttempts. */
  | { action: 'retry'; delayMs: number; counted: boolean; failure: FailureClass }
  | { action: 'dead-letter'; reason: string; failure: FailureClass }
  /** Stop the partition at this event and try it again later: nothing is dead-lettered. */
  | { action: 'pause'; reason: string; failure: FailureClass };

/**
 * What the consumer does with an event whose handling failed, decided here only.
 * `attempt` counts the counted attempts so far (1 for the first), `waits` the uncounted ones.
 */
export function decideOnFailure(error: unknown, attempt: number, waits: number, retry: RetryPolicy): FailureDecision {
  const failure = classifyFailure(error);
  const reason = reasonOf(error);
  switch (failure) {
    case 'infrastructure':
      // The database or broker being unable to serve says nothing about the event: wait, never dead-letter.
      return {
        action: 'retry',
        delayMs: Math.min(retry.initialDelayMs * 2 ** waits, retry.maxDelayMs, INFRASTRUCTURE_MAX_DELAY_MS),
        counted: false,
        failure,
      };
    case 'precondition':
      if (attempt >= retry.maxAttempts) return { action: 'dead-letter', reason: `gave up after ${attempt} attempts: ${reason}`, failure };
      return { action: 'retry', delayMs: Math.min(retry.initialDelayMs * 2 ** (attempt - 1), retry.maxDelayMs), counted: true, failure };
    case 'permanent':
      return { action: 'dead-letter', reason, failure };
    case 'unknown':
      return { action: 'pause', reason, failure };
  }
}

/** The pause of a partition stopped by an unknown failure for the n-th time in a row (n ≥ 1). */
export function pauseDelayMs(n: number, initialMs: number, maxMs: number): number {
  return Math.min(initialMs * 2 ** Math.max(0, n - 1), maxMs);
}

export function reasonOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
