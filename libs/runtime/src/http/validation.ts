import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { memoiseValidationMetadata } from './validation-metadata-cache';

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
 * Nest's pipe turns a missing or `null` body into `{}` before validating, so a DTO whose fields are all
 * optional ran its command with defaults. A route that declares a body DTO needs a JSON object.
 */
class PlatformValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const wantsObject = metadata.type === 'body' && metadata.data === undefined && isDtoClass(metadata.metatype);
    if (wantsObject && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      const problem = value === undefined || value === null ? 'is required: a JSON object' : 'must be a JSON object';
      throw new BadRequestException({
        statusCode: 400,
        error: 'validation_failed',
        message: `body: ${problem}`,
        fields: [{ field: 'body', problems: [problem] }],
      });
    }
    return super.transform(value, metadata);
  }
}

function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && ![Object, String, Number, Boolean, Array].includes(metatype as never);
}

/**
 * Every API validates its DTOs with this pipe: unknown fields are refused, values are converted to
 * the DTO's types, and a 400 names each bad field. Nothing is written when validation fails because
 * it runs before the handler.
 */
export function createValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new PlatformValidationPipe({
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
