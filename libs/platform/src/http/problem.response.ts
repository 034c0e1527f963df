import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

/** One invalid field of a request: a dotted path into the body or query (`''` for the whole body). */
export class FieldErrorResponse {
  @ApiProperty({ example: 'contact.email' })
  path!: string;

  @ApiProperty({ example: 'email must be a valid address' })
  message!: string;
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
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** Declares an error answer of an operation with the body the exception filter writes for it. */
export const ApiProblem = (status: ProblemStatus, description: string) =>
  ApiResponse({ status, description, type: status === 422 ? ValidationProblemResponse : ProblemResponse });

/** Declares several error answers at once. */
export const ApiProblems = (problems: Partial<Record<ProblemStatus, string>>) =>
  applyDecorators(...Object.entries(problems).map(([status, description]) => ApiProblem(Number(status) as ProblemStatus, description)));
