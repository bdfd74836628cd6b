import { InvalidCursorError, type Scalar, type SortSpec } from '@c360/kernel';
import type { Document, Sort } from 'mongodb';
import { assertQueryField } from './mongo-fields';

/**
 * Sorting and keyset pagination in MongoDB's order. MongoDB sorts null and missing together, first
 * ascending, then by type: numbers, strings, booleans (the port's scalars); ties are broken by `_id`.
 * The condition "after the cursor" follows the same order, so a field that holds several types
 * still pages through every document once: a range operator only compares within one type, and
 * the types that sort later are added explicitly.
 */

export function toMongoSort(sort: SortSpec): Sort {
  const direction = sort.direction === 'desc' ? -1 : 1;
  if (sort.field === '_id') return { _id: direction };
  assertQueryField(sort.field);
  return { [sort.field]: direction, _id: direction };
}

type ScalarType = 'null' | 'number' | 'string' | 'bool';
const TYPE_ORDER: readonly ScalarType[] = ['null', 'number', 'string', 'bool'];

function typeOf(value: Scalar): ScalarType {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  throw new InvalidCursorError();
}

/** Documents strictly after (sort value, id) in the sort's direction. */
export function afterCursor(sort: SortSpec, value: Scalar, id: string): Document {
  const asc = sort.direction !== 'desc';
  const idAfter = { _id: asc ? { $gt: id } : { $lt: id } };
  if (sort.field === '_id') return idAfter;
  assertQueryField(sort.field);
  const field = sort.field;

  const type = typeOf(value);
  const rank = TYPE_ORDER.indexOf(type);
  const laterTypes = TYPE_ORDER.filter((_, index) => (asc ? index > rank : index < rank));
  const alternatives: Document[] = [];
  // Same value (null also matches missing, as MongoDB sorts them together): only later ids.
  alternatives.push({ [field]: value, ...idAfter });
  // Same type, further along.
  if (type !== 'null') alternatives.push({ [field]: { [asc ? '$gt' : '$lt']: value } });
  // Every value of a type that sorts after this one.
  const later = laterTypes.filter((each) => each !== 'null');
  if (later.length === 1) alternatives.push({ [field]: { $type: later[0] } });
  if (later.length > 1) alternatives.push({ [field]: { $type: later } });
  if (laterTypes.includes('null')) alternatives.push({ [field]: null });
  return { $or: alternatives };
}
