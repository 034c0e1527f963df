import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DomainError, type FieldError } from '../errors/domain-error';

/** The figure each bounded rule was checked against, named for clients that word the rule themselves. */
const PARAMS: Record<string, (constraints: unknown[]) => Record<string, string | number>> = {
  min: ([limit]) => ({ limit: Number(limit) }),
  max: ([limit]) => ({ limit: Number(limit) }),
  minLength: ([limit]) => ({ limit: Number(limit) }),
  maxLength: ([limit]) => ({ limit: Number(limit) }),
  arrayMinSize: ([limit]) => ({ limit: Number(limit) }),
  arrayMaxSize: ([limit]) => ({ limit: Number(limit) }),
  isIn: ([values]) => ({ values: Array.isArray(values) ? values.join(', ') : String(values) }),
};

/** The constraints a rule of `target`'s class was declared with, when the error still knows its target. */
function paramsOf(target: object | undefined, property: string, rule: string): Record<string, string | number> | undefined {
  const build = PARAMS[rule];
  if (!build || !target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && m.name === rule);
  return metadata ? build(metadata.constraints ?? []) : undefined;
}

/**
 * Flattens nested class-validator errors into `{ path, message, code, params }` with dotted paths;
 * `code` is the rule's name (`maxLength`, `isIn`, `whitelistValidation` for an unknown field).
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]): FieldError => {
      const params = paramsOf(error.target, error.property, code);
      return {
        path,
        message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
        code: code === 'whitelistValidation' ? 'unknownField' : code,
        ...(params ? { params } : {}),
      };
    });
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** Refuses unknown fields (no mass assignment) and reports every invalid field at once as 422. */
export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The targets let each error name the figures of its rule; they are not sent.
    validationError: { target: true },
    exceptionFactory: (errors) =>
      DomainError.invalid('VALIDATION_FAILED', 'The request has invalid fields', flattenValidationErrors(errors)),
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids that are not UUIDs cannot exist; checking first keeps Postgres from refusing the cast. */
export const isUuid = (value: string): boolean => UUID.test(value);
