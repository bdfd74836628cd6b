import type { FieldCondition, Filter, Scalar } from '@c360/kernel';
import type { Document } from 'mongodb';
import { NOT_DELETED, assertQueryField } from './mongo-fields';

/**
 * The port's filter language in MongoDB's own query language. The port was shaped after MongoDB,
 * so most of it passes through unchanged and keeps MongoDB's semantics (equality on an array
 * matches any element, `null` matches null or missing, ranges compare within one type); only
 * `$prefix` is translated, to an anchored, escaped regular expression. Operators are taken from an
 * allow-list and values must be scalars, so a filter can never smuggle in `$where` or `$expr`.
 */

const RANGE = new Set(['$gt', '$gte', '$lt', '$lte']);

export function toMongoQuery(filter: Filter = {}): Document {
  const query: Document = { ...NOT_DELETED };
  for (const [field, spec] of Object.entries(filter)) {
    assertQueryField(field);
    query[field] = spec !== null && typeof spec === 'object' ? condition(field, spec) : scalar(field, '$eq', spec);
  }
  return query;
}

function condition(field: string, spec: FieldCondition): Document {
  if (Array.isArray(spec)) throw new TypeError(`Filter on "${field}" must be a scalar or an operator object`);
  const out: Document = {};
  for (const [operator, value] of Object.entries(spec) as Array<[string, unknown]>) {
    if (value === undefined) continue;
    if (operator === '$eq' || operator === '$ne') out[operator] = scalar(field, operator, value);
    else if (RANGE.has(operator)) out[operator] = rangeBound(field, operator, value);
    else if (operator === '$in') out.$in = inList(field, value);
    else if (operator === '$prefix') out.$regex = prefixPattern(field, value);
    else if (operator === '$exists') {
      if (typeof value !== 'boolean') throw new TypeError(`$exists on "${field}" needs true or false`);
      out.$exists = value;
    } else throw new TypeError(`Unknown operator ${operator} on "${field}"`);
  }
  return out;
}

function scalar(field: string, operator: string, value: unknown): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new TypeError(`${operator} on "${field}" needs a string, a finite number, a boolean or null`);
}

function rangeBound(field: string, operator: string, value: unknown): string | number {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new TypeError(`${operator} on "${field}" needs a number or a string`);
}

function inList(field: string, value: unknown): Scalar[] {
  if (!Array.isArray(value)) throw new TypeError(`$in on "${field}" needs an array`);
  return value.map((item) => scalar(field, '$in', item));
}

/** `^` plus the prefix with every regular-expression metacharacter escaped: a literal "starts with". */
export function prefixPattern(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`$prefix on "${field}" needs a string`);
  return `^${value.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}`;
}
