import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import type { FieldError } from '../errors/domain-error';

/** One invalid field of a request: a dotted path into the body or query (`''` for the whole body). */
export class FieldErrorResponse {
  @ApiProperty({ example: 'contact.email' })
  path!: string;

  @ApiProperty({ example: 'email must be a valid address' })
  message!: string;
}

/** The rule one invalid field broke: `rules[i]` of a 422 belongs to `errors[i]`. */
export class FieldRuleResponse {
  @ApiProperty({ example: 'contact.name' })
  path!: string;

  @ApiProperty({
    required: false,
    example: 'maxLength',
    description:
      'The rule, the same in every language: a class-validator constraint (`maxLength`, `isIn`, `unknownField`, …) or one of the services’ own (`windowClosed`, `partAboveWhole`, …), listed in docs/domain.md; absent when the rule has no name',
  })
  code?: string;

  @ApiProperty({
    type: 'object',
    selfRequired: false,
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { limit: 200 },
    description: 'The figures the rule was checked against, for a client to word the problem in its own language',
  })
  params?: Record<string, string | number>;
}

/** The body of every error answer (see HttpExceptionFilter): a stable code to branch on and a message for people. */
export class ProblemResponse {
  @ApiProperty({ example: 'NOMINATION_NOT_FOUND', description: 'Stable, upper snake case; branch on this, not on the message' })
  code!: string;

  @ApiProperty({ example: 'No nomination 6f1c2a7e-3b7d-4f0e-9a51-0c2d7d1e9b44' })
  message!: string;
}

/** A 422 answer: every invalid field at once. */
export class ValidationProblemResponse extends ProblemResponse {
  @ApiProperty({ type: [FieldErrorResponse] })
  errors!: FieldErrorResponse[];

  @ApiProperty({ type: [FieldRuleResponse], required: false, description: 'One per entry of `errors`, in the same order' })
  rules?: FieldRuleResponse[];
}

/**
 * Field problems as answers carry them: `errors` exactly `{ path, message }` as the contract gives
 * them, and beside them `rules`, the code and figures of each, when any has a code.
 */
export function fieldProblems(errors: FieldError[]): { errors: FieldErrorResponse[]; rules?: FieldRuleResponse[] } {
  const plain = errors.map(({ path, message }) => ({ path, message }));
  if (!errors.some((e) => e.code)) return { errors: plain };
  return {
    errors: plain,
    rules: errors.map(({ path, code, params }) => ({ path, ...(code ? { code } : {}), ...(params ? { params } : {}) })),
  };
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** Declares an error answer of an operation with the body the exception filter writes for it. */
export const ApiProblem = (status: ProblemStatus, description: string) =>
  ApiResponse({ status, description, type: status === 422 ? ValidationProblemResponse : ProblemResponse });

/** Declares several error answers at once. */
export const ApiProblems = (problems: Partial<Record<ProblemStatus, string>>) =>
  applyDecorators(...Object.entries(problems).map(([status, description]) => ApiProblem(Number(status) as ProblemStatus, description)));
