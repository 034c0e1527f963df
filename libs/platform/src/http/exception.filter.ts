import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS_OF_KIND } from '../errors/domain-error';
import { fieldProblems, type FieldErrorResponse, type FieldRuleResponse, type ProblemResponse } from './problem.response';

/** What the OpenAPI documents declare (ProblemResponse, ValidationProblemResponse), plus a domain error's details. */
interface ErrorBody extends ProblemResponse {
  errors?: FieldErrorResponse[];
  rules?: FieldRuleResponse[];
  [extra: string]: unknown;
}

/** Maps domain error codes to HTTP statuses; anything unexpected is logged and answered 500 without internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (status >= 500 && status !== 503)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    // Explicitly JSON: a CSV endpoint has set its own Content-Type before the handler failed.
    response.status(status).type('application/json').json(body);
  }

  private describe(exception: unknown): [number, ErrorBody] {
    if (exception instanceof DomainError) {
      const body: ErrorBody = { code: exception.code, message: exception.message, ...exception.details };
      if (exception.kind === 'invalid')
        Object.assign(body, fieldProblems(exception.errors.length > 0 ? exception.errors : [{ path: '', message: exception.message }]));
      return [HTTP_STATUS_OF_KIND[exception.kind], body];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`;
      return [status, { code, message: exception.message }];
    }
    const parserError = exception as { type?: string; status?: number; message?: string };
    if (parserError?.type === 'entity.too.large') {
      return [413, { code: 'BODY_TOO_LARGE', message: 'The request body is too large; send fewer items per request' }];
    }
    if (parserError?.type === 'entity.parse.failed') {
      return [400, { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' }];
    }
    return [500, { code: 'INTERNAL', message: 'Something went wrong on our side; the error is logged. Try again later.' }];
  }
}
