import { decodeCursor } from '@c360/kernel';
import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';

/**
 * A string that `parse` accepts (it throws on anything else): the DTO checks it with the very rule the
 * use case applies, so a bad one is a 400 naming the parameter, and the rule is written once.
 */
export const ParsesWith = (
  name: string,
  message: string,
  parse: (value: string) => unknown,
  options?: ValidationOptions & { readonly maxLength?: number },
): PropertyDecorator =>
  ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > (options?.maxLength ?? Number.POSITIVE_INFINITY)) return false;
          try {
            parse(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: () => message,
      },
    },
    options,
  );

/** A cursor returned by a previous page: checked in the DTO, so a bad one is a 400 naming the parameter. */
export const IsCursor = (options?: ValidationOptions): PropertyDecorator =>
  ParsesWith('isCursor', '$property must be the nextCursor of a previous page', decodeCursor, { maxLength: 2_000, ...options });

/**
 * A nested object validated as its DTO. `@ValidateNested()` alone lets `undefined` through (and an array
 * as a list of them), so a missing `thresholds` reached the decider and failed there as a 500.
 */
export const NestedObject = (type: () => ClassType<unknown>): PropertyDecorator =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A list of nested objects, each validated as its DTO (and each an object, not a list or a number). */
export const NestedList = (type: () => ClassType<unknown>): PropertyDecorator =>
  applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
