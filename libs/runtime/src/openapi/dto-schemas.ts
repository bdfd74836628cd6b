import type { Type } from '@nestjs/common';
import { ApiProperty, DECORATORS, type ApiPropertyOptions } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = Record<string, unknown>;

/**
 * Describes DTOs for the OpenAPI document from the class-validator decorators they already carry, so
 * that no DTO repeats its rules in `@ApiProperty` (the Swagger CLI plugin would do this at compile time,
 * which SWC cannot run). A property that has its own `@ApiProperty` keeps it.
 */
export function describeDtos(types: Iterable<Type<unknown>>): void {
  const seen = new Set<Type<unknown>>();
  const visit = (type: Type<unknown>) => {
    if (seen.has(type) || !isDto(type)) return;
    seen.add(type);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) {
      byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    }
    for (const [property, rules] of byProperty) {
      const nested = nestedType(type, property);
      if (nested) visit(nested);
      if (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype, property)) continue;
      ApiProperty(propertyOptions(rules, nested))(type.prototype as object, property);
    }
  };
  for (const type of types) visit(type);
}

function isDto(type: unknown): type is Type<unknown> {
  return typeof type === 'function' && ![Object, String, Number, Boolean, Array, Date, Promise].includes(type as never);
}

function nestedType(type: Type<unknown>, property: string): Type<unknown> | undefined {
  const found = defaultMetadataStorage.findTypeMetadata(type, property)?.typeFunction();
  return isDto(found) ? (found as Type<unknown>) : undefined;
}

/** One class-validator rule as JSON Schema keywords (for a list: keywords of its items when `each`). */
function keywords(rule: ValidationMetadata): Schema {
  const [first, second] = (rule.constraints ?? []) as unknown[];
  switch (rule.name ?? rule.type) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isIso8601':
    case 'isDateString':
      return { type: 'string', format: 'date-time' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isIn':
      return { enum: first as unknown[] };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'isLength':
      return { minLength: first, ...(second === undefined ? {} : { maxLength: second }) };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'matches':
      return { type: 'string', pattern: first instanceof RegExp ? first.source : String(first) };
    default:
      return {};
  }
}

function propertyOptions(rules: readonly ValidationMetadata[], nested: Type<unknown> | undefined): ApiPropertyOptions {
  const has = (name: string) => rules.some((rule) => rule.name === name || rule.type === name);
  const isList = has('isArray') || rules.some((rule) => rule.type === 'nestedValidation' && rule.each);
  const own: Schema = {};
  const items: Schema = {};
  for (const rule of rules) Object.assign(rule.each ? items : own, keywords(rule));
  for (const rule of rules) {
    if (rule.name === 'arrayMinSize') own.minItems = rule.constraints[0];
    if (rule.name === 'arrayMaxSize') own.maxItems = rule.constraints[0];
  }
  // IsOptional makes a field optional; ValidateIf is used here for "or null": required, but nullable.
  const required = !rules.some((rule) => rule.name === 'isOptional');
  const nullable = required && rules.some((rule) => rule.type === 'conditionalValidation');
  const descriptions = rules
    .filter((rule) => rule.type !== 'nestedValidation')
    .map((rule) => rule.message)
    .filter((message): message is string => typeof message === 'string');
  const base = {
    required,
    ...(nullable ? { nullable } : {}),
    ...(descriptions.length ? { description: descriptions.join('; ').replace(/\$property/g, 'it') } : {}),
  };
  if (nested) return { ...base, type: nested, isArray: isList, ...pick(own, ['minItems', 'maxItems']) } as ApiPropertyOptions;
  if (isList)
    return { ...base, type: 'array', items: { type: 'string', ...items }, ...pick(own, ['minItems', 'maxItems']) } as ApiPropertyOptions;
  // No known type rule (a custom validator such as a map of attributes): Swagger falls back to the declared type.
  return { ...base, ...own } as ApiPropertyOptions;
}

function pick(schema: Schema, keys: readonly string[]): Schema {
  return Object.fromEntries(keys.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
}
