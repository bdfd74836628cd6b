import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  /** Dotted path of the field in the request body or query: `emails.1`, `address.postalCode`. */
  readonly field: string;
  readonly problems: readonly string[];
}

/** Flattens class-validator's tree into one entry per field, with full paths. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Every API validates its DTOs with this pipe: unknown fields are refused, values are converted to
 * the DTO's types, and a 400 names each bad field. Nothing is written when validation fails because
 * it runs before the handler.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'validation_failed',
        message: fields.map((field) => `${field.field}: ${field.problems.join('; ')}`).join(' | '),
        fields,
      });
    },
  });
}
