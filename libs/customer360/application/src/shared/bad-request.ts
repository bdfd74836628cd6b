import { BadRequestException } from '@nestjs/common';

/** A 400 naming the field, in the shape the validation pipe answers (for checks that need more than one field). */
export function badRequest(field: string, problem: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'validation_failed',
    message: `${field}: ${problem}`,
    fields: [{ field, problems: [problem] }],
  });
}
