import type { FieldCondition, Filter, Scalar, SortSpec } from '@c360/kernel';

/**
 * Translates the DocumentStore filter language to SQL over JSON documents with MongoDB's semantics:
 * equality on an array field matches any element; comparisons only match values of the same type
 * (a number is never "greater" than a string); `{ field: null }` matches null or missing.
 */

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$prefix', '$exists']);

export interface SqlFragment {
  readonly sql: string;
  readonly params: unknown[];
}

/** SQL expression for a field: `_id` and `_position` are columns, others live in the JSON. */
export function fieldExpression(field: string): string {
  if (!FIELD.test(field)) throw new TypeError(`Invalid field name "${field}"`);
  if (field === '_id') return 'id';
  if (field === '_position') return 'position';
  return `json_extract(doc, '$.${field}')`;
}

function typeGuard(field: string, value: Scalar): string {
  if (field === '_id' || field === '_position') return '1';
  const type = `json_type(doc, '$.${field}')`;
  if (typeof value === 'number') return `${type} IN ('integer', 'real')`;
  if (typeof value === 'string') return `${type} = 'text'`;
  if (typeof value === 'boolean') return `${type} IN ('true', 'false')`;
  return '1';
}

/** SQLite has no boolean type: JSON true/false come back as 1/0. */
export function toSqlValue(value: Scalar): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function equals(field: string, value: Scalar): SqlFragment {
  const expression = fieldExpression(field);
  if (value === null) return { sql: `${expression} IS NULL`, params: [] };
  if (field === '_id' || field === '_position') return { sql: `${expression} = ?`, params: [value] };
  const sqlValue = toSqlValue(value);
  return {
    sql: `((${expression} = ? AND ${typeGuard(field, value)}) OR (json_type(doc, '$.${field}') = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') e WHERE e.value = ? AND ${elementGuard(value)})))`,
    params: [sqlValue, sqlValue],
  };
}

function elementGuard(value: Scalar): string {
  if (typeof value === 'number') return "e.type IN ('integer', 'real')";
  if (typeof value === 'string') return "e.type = 'text'";
  if (typeof value === 'boolean') return "e.type IN ('true', 'false')";
  return '1';
}

function compare(field: string, operator: string, value: Scalar): SqlFragment {
  if (value === null || (typeof value === 'boolean' && operator !== '$eq')) {
    throw new TypeError(`${operator} on "${field}" needs a number or a string`);
  }
  const sqlOperator = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[operator as '$gt'];
  return { sql: `(${fieldExpression(field)} ${sqlOperator} ? AND ${typeGuard(field, value)})`, params: [value] };
}

function condition(field: string, spec: FieldCondition): SqlFragment[] {
  const parts: SqlFragment[] = [];
  for (const [operator, value] of Object.entries(spec)) {
    if (!OPERATORS.has(operator)) throw new TypeError(`Unknown operator ${operator} on "${field}"`);
    switch (operator) {
      case '$eq':
        parts.push(equals(field, value as Scalar));
        break;
      case '$ne': {
        const eq = equals(field, value as Scalar);
        parts.push({ sql: `NOT coalesce(${eq.sql}, 0)`, params: eq.params });
        break;
      }
      case '$in': {
        const values = value as readonly Scalar[];
        if (!Array.isArray(values)) throw new TypeError(`$in on "${field}" needs an array`);
        if (values.length === 0) {
          parts.push({ sql: '0', params: [] });
          break;
        }
        const alternatives = values.map((item) => equals(field, item));
        parts.push({
          sql: `(${alternatives.map((alternative) => alternative.sql).join(' OR ')})`,
          params: alternatives.flatMap((alternative) => alternative.params),
        });
        break;
      }
      case '$prefix': {
        if (typeof value !== 'string') throw new TypeError(`$prefix on "${field}" needs a string`);
        const expression = fieldExpression(field);
        parts.push({
          sql: `(${expression} >= ? AND ${expression} < ? AND substr(${expression}, 1, ?) = ?)`,
          params: [value, `${value}\u{10FFFF}`, value.length, value],
        });
        break;
      }
      case '$exists':
        parts.push({
          sql:
            field === '_id' || field === '_position' ? (value ? '1' : '0') : `json_type(doc, '$.${field}') IS ${value ? 'NOT ' : ''}NULL`,
          params: [],
        });
        break;
      default:
        parts.push(compare(field, operator, value as Scalar));
    }
  }
  return parts;
}

export function whereClause(filter: Filter = {}): SqlFragment {
  const parts: SqlFragment[] = [{ sql: 'deleted = 0', params: [] }];
  for (const [field, spec] of Object.entries(filter)) {
    if (spec !== null && typeof spec === 'object') parts.push(...condition(field, spec as FieldCondition));
    else parts.push(equals(field, spec as Scalar));
  }
  return { sql: parts.map((part) => part.sql).join(' AND '), params: parts.flatMap((part) => part.params) };
}

/** Keyset pagination: rows strictly after the cursor's (sort value, id), nulls first ascending. */
export function afterCursor(sort: SortSpec, value: Scalar, id: string): SqlFragment {
  const expression = fieldExpression(sort.field);
  const v = toSqlValue(value);
  if (sort.direction === 'asc') {
    return value === null
      ? { sql: `((${expression} IS NULL AND id > ?) OR ${expression} IS NOT NULL)`, params: [id] }
      : { sql: `(${expression} > ? OR (${expression} = ? AND id > ?))`, params: [v, v, id] };
  }
  return value === null
    ? { sql: `(${expression} IS NULL AND id < ?)`, params: [id] }
    : { sql: `(${expression} < ? OR (${expression} = ? AND id < ?) OR ${expression} IS NULL)`, params: [v, v, id] };
}

export function orderBy(sort: SortSpec): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return sort.field === '_id' ? `id ${direction}` : `${fieldExpression(sort.field)} ${direction}, id ${direction}`;
}
