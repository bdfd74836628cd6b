import { isPhoneRegion, normalisePhone } from '@c360/contacts-domain';
import { decodeCursor } from '@c360/kernel';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** A region libphonenumber knows (ISO 3166 alpha-2: NO, SE, US, …). */
export function IsPhoneRegion(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isPhoneRegion',
      target: target.constructor,
      propertyName: property,
      options: { message: `${property} must be a supported ISO 3166 region such as NO or SE`, ...options },
      validator: { validate: (value: unknown) => isPhoneRegion(value) },
    });
}

/**
 * A phone number valid in the request's own region field (or the default region, NO), so a 400 names
 * the bad number before anything runs.
 */
export function IsPhoneNumberIn(regionField: string, options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isPhoneNumberIn',
      target: target.constructor,
      propertyName: property,
      constraints: [regionField],
      options: { message: `${property} must be valid phone numbers (E.164, or national in ${regionField})`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string' || value.length > 40) return false;
          const region = (args.object as Record<string, unknown>)[args.constraints[0] as string];
          try {
            normalisePhone(value, typeof region === 'string' ? region : undefined);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

/** Custom attributes: at most 100 keys, names like `shoeSize`, values string (≤ 1000), number or boolean (or null to remove). */
export function IsAttributeMap(allowNull: boolean, options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isAttributeMap',
      target: target.constructor,
      propertyName: property,
      options: {
        message: `${property} must map up to 100 names (letter first, then letters, digits, "_", ".", "-") to a string, number or boolean${allowNull ? ' (null removes)' : ''}`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= 100 &&
            entries.every(
              ([key, item]) =>
                ATTRIBUTE_KEY.test(key) &&
                ((allowNull && item === null) ||
                  typeof item === 'boolean' ||
                  (typeof item === 'number' && Number.isFinite(item)) ||
                  (typeof item === 'string' && item.length <= 1000)),
            )
          );
        },
      },
    });
}

/** A cursor as the read-model store hands out (`nextCursor` of a previous page). */
export function IsPageCursor(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isPageCursor',
      target: target.constructor,
      propertyName: property,
      options: { message: `${property} must be the nextCursor of a previous page`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            decodeCursor(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}
