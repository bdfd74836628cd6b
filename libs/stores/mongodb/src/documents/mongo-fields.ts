/**
 * Field names the MongoDB adapter maintains itself. `_id` and `_position` are the port's own; a
 * tombstone (a deleted document that keeps its position so older events cannot revive it) is
 * `{ _id, _position, _deleted: true }` and nothing else.
 */
export const DELETED = '_deleted';

/** Every read adds this so tombstones stay invisible. */
export const NOT_DELETED = { [DELETED]: { $ne: true } } as const;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A field path a filter, sort or index may name: letters, digits and `_`, dotted for nesting. */
export function assertQueryField(field: string): void {
  if (typeof field !== 'string' || !FIELD.test(field)) throw new TypeError(`Invalid field name "${field}"`);
  if (field === DELETED || field.startsWith(`${DELETED}.`)) throw new TypeError(`Field "${DELETED}" is reserved by the MongoDB adapter`);
}

/** A field path a write may change: not the store's own fields. */
export function assertWritableField(field: string, operator: string): void {
  const segments = typeof field === 'string' ? field.split('.') : [];
  if (segments.length === 0 || segments.some((segment) => segment === '' || segment.startsWith('$'))) {
    throw new TypeError(`${operator}: invalid field path "${field}"`);
  }
  const root = segments[0];
  if (root === '_id' || root === '_position' || root === DELETED) {
    throw new TypeError(`${operator}: "${root}" is maintained by the store and cannot be written`);
  }
}

/** A read-model document as MongoDB stores it: string ids, the position guard, maybe a tombstone mark. */
export interface ReadModelDocument {
  _id: string;
  _position: number;
  _deleted?: boolean;
  [field: string]: unknown;
}
