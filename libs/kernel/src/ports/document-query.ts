import type { FindOptions, Scalar, SortSpec } from './document-store.port';

/** Shared by every DocumentStore adapter so that cursors and limits behave the same everywhere. */

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1_000;
const COLLECTION = /^[A-Za-z][A-Za-z0-9_.-]{0,119}$/;

export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !COLLECTION.test(name)) {
    throw new TypeError(`Invalid collection name ${JSON.stringify(name)}: letters, digits, "_", "-", "." (max 120)`);
  }
}

export function assertDocumentId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 512) {
    throw new TypeError(`Document id must be a non-empty string of at most 512 characters (got ${JSON.stringify(id)})`);
  }
}

export interface NormalisedFind {
  readonly sort: SortSpec;
  readonly limit: number;
  readonly after?: { readonly value: Scalar; readonly id: string };
  /** Top-level fields to return, the sort field among them; undefined: whole documents. */
  readonly fields?: readonly string[];
}

const TOP_LEVEL_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export function normaliseFindOptions(options: FindOptions = {}): NormalisedFind {
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new TypeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${options.limit})`);
  }
  const sort = options.sort ?? { field: '_id', direction: 'asc' };
  if (sort.direction !== 'asc' && sort.direction !== 'desc') throw new TypeError('sort.direction must be "asc" or "desc"');
  return {
    sort,
    limit,
    after: options.after === undefined ? undefined : decodeCursor(options.after),
    ...(options.fields === undefined ? {} : { fields: selectedFields(options.fields, sort.field) }),
  };
}

function selectedFields(fields: readonly string[], sortField: string): readonly string[] {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > 32) throw new TypeError('fields must list 1 to 32 field names');
  for (const field of fields) {
    if (typeof field !== 'string' || !TOP_LEVEL_FIELD.test(field)) {
      throw new TypeError(`fields: ${JSON.stringify(field)} is not a top-level field name (letters, digits, "_")`);
    }
  }
  // The next page's cursor is made of the sort value: it must come back.
  return [...new Set([...fields, ...(sortField.startsWith('_') ? [] : [sortField.split('.')[0]])])];
}

/** Opaque keyset cursor: the last item's sort value and id. */
export function encodeCursor(value: Scalar, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

/** A cursor that no page of this store returned: the caller's mistake (a 400), never a fault. */
export class InvalidCursorError extends TypeError {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('after is not a cursor returned by a previous page');
  }
}

export function decodeCursor(cursor: string): { value: Scalar; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [Scalar, string];
    if (typeof id !== 'string') throw new Error('no id');
    return { value, id };
  } catch {
    throw new InvalidCursorError();
  }
}

/** The sort value of a document for its cursor (`_id` sorts by id). */
export function sortValueOf(doc: Record<string, unknown>, field: string): Scalar {
  let node: unknown = doc;
  for (const key of field.split('.')) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key];
  return (node ?? null) as Scalar;
}
