import { UUID_PATTERN, decodeCursor } from '@c360/kernel';
import { isCalendarDate } from '@c360/sales-domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';

export const IDENTIFIER = /^[A-Za-z0-9._:/@-]{1,128}$/;
export const IDENTIFIER_MESSAGE = '$property must be 1-128 letters, digits or ._:/@- (an identifier, not free text)';
export const CURRENCY = /^[A-Z]{3}$/;
export const CURRENCY_MESSAGE = '$property must be an ISO-4217 code such as EUR';
export const STAGE_SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const STAGE_MESSAGE = '$property must be a stage id: lower-case letters, digits and "-", at most 40';
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

function custom(name: string, message: string, test: (value: unknown) => boolean, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

/** A real calendar date, YYYY-MM-DD. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  custom('isCalendarDate', '$property must be a calendar date YYYY-MM-DD', (v) => typeof v === 'string' && isCalendarDate(v), options);

/** A cursor returned by a previous page (checked here so a bad one is a 400 naming `after`). */
export const IsCursor = () =>
  custom('isCursor', '$property must be the nextCursor of a previous page', (v) => {
    if (typeof v !== 'string') return false;
    try {
      decodeCursor(v);
      return true;
    } catch {
      return false;
    }
  });

/** A pipeline id, or `default`. */
export const IsPipelineRef = () =>
  custom(
    'isPipelineRef',
    '$property must be a pipeline id (UUID) or "default"',
    (v) => typeof v === 'string' && (v === 'default' || UUID_PATTERN.test(v)),
  );

export class SalesPageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @IsCursor() after?: string;
}
