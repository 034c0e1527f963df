/** One field the service refused, by its path in the request body (e.g. `indicators.participants.wageEarners`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A refused or failed request: the HTTP status, the service's error code and message, and per-field problems (422). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Builds the error from a response body of any shape the services or the proxy give. */
  static from(status: number, body: unknown): ApiError {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const code = typeof b.code === 'string' ? b.code : status === 0 ? 'NETWORK' : `HTTP_${status}`;
    const message = typeof b.message === 'string' ? b.message : typeof body === 'string' && body ? body : `HTTP ${status}`;
    const fields = Array.isArray(b.errors)
      ? b.errors
          .filter((e): e is FieldProblem => typeof e === 'object' && e !== null && typeof (e as FieldProblem).path === 'string')
          .map((e) => ({ path: e.path, message: String(e.message ?? '') }))
      : [];
    const { code: _c, message: _m, errors: _e, statusCode: _s, ...details } = b;
    return new ApiError(status, code, message, fields, details);
  }
}

/** The i18n key of the sentence that tells a person what went wrong and what to do. */
export function problemKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'problem.unexpected';
  if (error.status === 0) return 'problem.network';
  if (error.status === 401) return 'problem.signedOut';
  if (error.status === 403) return 'problem.forbidden';
  if (error.status === 404) return 'problem.notFound';
  if (error.status === 409) return 'problem.conflict';
  if (error.status === 422) return 'problem.invalid';
  if (error.status === 429) return 'problem.rateLimited';
  if (error.status === 502 || error.status === 503) return 'problem.unavailable';
  if (error.status === 504) return 'problem.timeout';
  return 'problem.unexpected';
}
