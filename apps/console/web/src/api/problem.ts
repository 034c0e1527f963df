/** One field the service refused, by its path in the request body (e.g. `indicators.participants.wageEarners`). */
export interface FieldProblem {
  path: string;
  message: string;
  /** The rule it broke (`maxLength`, `windowClosed`, …), for the console to say in its own words. */
  code?: string;
  /** The figures of that rule (`{ limit: 200 }`). */
  params?: Record<string, string | number>;
}

const isParams = (v: unknown): v is Record<string, string | number> =>
  typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string' || typeof x === 'number');

/** A service's `errors` (`{ path, message }`) each with its rule from `rules` (same order), whatever shape they came in. */
export function fieldProblems(errors: unknown, rules?: unknown): FieldProblem[] {
  if (!Array.isArray(errors)) return [];
  const ruleList: unknown[] = Array.isArray(rules) && rules.length === errors.length ? rules : [];
  return errors.flatMap((e: unknown, i) => {
    if (typeof e !== 'object' || e === null || typeof (e as FieldProblem).path !== 'string') return [];
    const rule = (ruleList[i] ?? {}) as { path?: unknown; code?: unknown; params?: unknown };
    const own = rule.path === (e as FieldProblem).path;
    return [
      {
        path: (e as FieldProblem).path,
        message: String((e as FieldProblem).message ?? ''),
        ...(own && typeof rule.code === 'string' ? { code: rule.code } : {}),
        ...(own && isParams(rule.params) ? { params: rule.params } : {}),
      },
    ];
  });
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
    const fields = fieldProblems(b.errors, b.rules);
    const { code: _c, message: _m, errors: _e, rules: _r, statusCode: _s, ...details } = b;
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
