import { decodeCursor } from '@c360/kernel';
import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';

/** A cursor returned by a previous page: checked in the DTO, so a bad one is a 400 naming the parameter. */
export const IsCursor = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCursor',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 2_000) return false;
          try {
            decodeCursor(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: () => '$property must be the nextCursor of a previous page',
      },
    },
    options,
  );

/**
 * A nested object validated as its DTO. `@ValidateNested()` alone lets `undefined` through (and an array
 * as a list of them), so a missing `thresholds` reached the decider and failed there as a 500.
 */
export const NestedObject = (type: () => ClassType<unknown>): PropertyDecorator =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));

/** A list of nested objects, each validated as its DTO (and each an object, not a list or a number). */
export const NestedList = (type: () => ClassType<unknown>): PropertyDecorator =>
  applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
