/**
 * How a failure should be treated at the edges: HTTP maps it to a status, consumers to
 * retry (`unavailable`) or dead-letter (everything else).
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unavailable';

/**
 * One invalid field. `code` names the rule it broke, the same word in every language (class-validator's
 * constraint names such as `maxLength`, or ours such as `windowClosed`); `params` are the figures the
 * rule was checked against, so a client can say it in its own words.
 */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind,
    readonly errors: FieldError[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static invalid(code: string, message: string, errors: FieldError[] = []): DomainError {
    return new DomainError(code, message, 'invalid', errors);
  }

  static notFound(code: string, message: string): DomainError {
    return new DomainError(code, message, 'not-found');
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(code, message, 'conflict', [], details);
  }

  static forbidden(code: string, message: string): DomainError {
    return new DomainError(code, message, 'forbidden');
  }

  /** A precondition that later events are expected to satisfy (e.g. an edition not yet projected). */
  static unavailable(code: string, message: string): DomainError {
    return new DomainError(code, message, 'unavailable');
  }
}

export const HTTP_STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
};
