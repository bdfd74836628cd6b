/**
 * MongoDB-wire servers refuse field names that start with `$` (FerretDB always; MongoDB in most
 * write paths), yet read models hold sealed values as `{ "$pii": ... }` (ADR 0013: they stay sealed, and
 * the queries open them). The adapter stores such a key with a FULLWIDTH DOLLAR SIGN (U+FF04) instead
 * and gives it back on every read, so the port's documents are unchanged. Filters and sorts never name
 * these fields (read models cannot filter on sealed values), so queries need no translation.
 */
const DOLLAR = '$';
const STORED_DOLLAR = '\uFF04';

export function toStoredKeys(value: unknown): unknown {
  return mapKeys(value, (key) => (key.startsWith(DOLLAR) ? STORED_DOLLAR + key.slice(1) : key));
}

export function fromStoredKeys<T>(value: T): T {
  return mapKeys(value, (key) => (key.startsWith(STORED_DOLLAR) ? DOLLAR + key.slice(1) : key)) as T;
}

/** The values of an update operator (`$set: { path: value }`): paths are the port's, values are data. */
export function toStoredValues(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([path, value]) => [path, toStoredKeys(value)]));
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [rename(key), mapKeys(inner, rename)]));
}
