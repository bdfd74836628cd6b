import { assertCollectionName, assertDocumentId, type DocumentWrite, type UpdateOperators } from '@c360/kernel';
import type { AnyBulkWriteOperation, Document } from 'mongodb';
import { DELETED, assertWritableField, type ReadModelDocument } from './mongo-fields';
import { toStoredValues } from './mongo-dollar-keys';

/**
 * Turns the port's writes into MongoDB operations, given what is stored.
 *
 * Every operation carries the position guard in its filter (`{ _id, _position: { $lt: p } }`):
 * MongoDB applies it only when the stored document is older, and an upsert that finds a newer
 * document fails with a duplicate `_id` (E11000), which means "already applied". The store reads
 * the current positions first and plans with them, so a replayed batch is recognised without
 * sending anything, and the guard is left to catch only what a concurrent writer changed
 * meanwhile.
 */

/** What is stored for one id: its position, and whether it is a tombstone. Absent: never written. */
export interface StoredState {
  readonly position: number;
  readonly deleted: boolean;
}

export type MongoWriteOperation = AnyBulkWriteOperation<ReadModelDocument>;

/** Checks a batch completely before anything is sent, so a bad write leaves the batch unwritten. */
export function validateWrites(writes: readonly DocumentWrite[]): void {
  for (const write of writes) {
    assertCollectionName(write.collection);
    assertDocumentId(write.id);
    if (!Number.isSafeInteger(write.position) || write.position < 0) {
      throw new TypeError(`Write to ${write.collection}/${write.id}: position must be an integer >= 0`);
    }
    if (write.kind === 'replace') {
      if (write.doc === null || typeof write.doc !== 'object' || Array.isArray(write.doc)) {
        throw new TypeError(`Write to ${write.collection}/${write.id}: doc must be an object`);
      }
      if (DELETED in write.doc) throw new TypeError(`Write to ${write.collection}/${write.id}: "${DELETED}" is reserved by the store`);
    }
    if (write.kind === 'update') validateUpdate(write.update);
  }
}

function validateUpdate(update: UpdateOperators): void {
  const known = new Set(['$set', '$unset', '$inc', '$push', '$setOnInsert']);
  for (const operator of Object.keys(update)) if (!known.has(operator)) throw new TypeError(`Unknown update operator ${operator}`);
  for (const operator of ['$set', '$push', '$setOnInsert'] as const) {
    for (const path of Object.keys(update[operator] ?? {})) assertWritableField(path, operator);
  }
  if (update.$unset !== undefined && !Array.isArray(update.$unset)) throw new TypeError('$unset needs an array of field paths');
  for (const path of update.$unset ?? []) assertWritableField(path, '$unset');
  for (const [path, by] of Object.entries(update.$inc ?? {})) {
    assertWritableField(path, '$inc');
    if (typeof by !== 'number' || !Number.isFinite(by)) throw new TypeError(`$inc on "${path}" needs a finite number`);
  }
}

/**
 * The operation for one write, or undefined when the guard already tells it must not apply: the
 * stored document is at or after the write's position, or an update that may not create the
 * document finds none.
 */
export function planWrite(write: DocumentWrite, stored: StoredState | undefined): MongoWriteOperation | undefined {
  if (stored && stored.position >= write.position) return undefined;
  const guard = { _id: write.id, _position: { $lt: write.position } };
  switch (write.kind) {
    case 'replace':
      return {
        replaceOne: { filter: guard, replacement: { ...toStoredValues(withoutMeta(write.doc)), _position: write.position }, upsert: true },
      };
    case 'delete':
      // The tombstone holds no data: erased personal data does not linger in the read model.
      return { replaceOne: { filter: guard, replacement: { [DELETED]: true, _position: write.position }, upsert: true } };
    case 'update': {
      const live = stored !== undefined && !stored.deleted;
      if (!live && write.upsert === false) return undefined;
      if (stored?.deleted) {
        // A tombstone counts as absent, and MongoDB would not treat updating it as an insert: the
        // update becomes the insert itself ($setOnInsert included) and removes the tombstone mark.
        // It only matches while the tombstone is there, so a concurrent change shows up as no match.
        return {
          updateOne: { filter: { ...guard, [DELETED]: true }, update: reviveUpdate(write.update, write.position), upsert: false },
        };
      }
      return {
        updateOne: { filter: { ...guard, [DELETED]: { $ne: true } }, update: toMongoUpdate(write.update, write.position), upsert: true },
      };
    }
  }
}

/** The port's update operators as MongoDB's, plus the new position. */
export function toMongoUpdate(update: UpdateOperators, position: number): Document {
  const out: Document = { $set: { ...toStoredValues(update.$set ?? {}), _position: position } };
  if (update.$unset?.length) out.$unset = Object.fromEntries(update.$unset.map((path) => [path, '']));
  if (update.$inc && Object.keys(update.$inc).length) out.$inc = { ...update.$inc };
  if (update.$push && Object.keys(update.$push).length) out.$push = toStoredValues(update.$push);
  if (update.$setOnInsert && Object.keys(update.$setOnInsert).length) out.$setOnInsert = toStoredValues(update.$setOnInsert);
  return out;
}

function reviveUpdate(update: UpdateOperators, position: number): Document {
  const out = toMongoUpdate({ ...update, $setOnInsert: undefined }, position);
  out.$set = { ...toStoredValues({ ...update.$setOnInsert, ...update.$set }), _position: position };
  out.$unset = { ...(out.$unset as Document | undefined), [DELETED]: '' };
  return out;
}

function withoutMeta(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _id: _ignoredId, _position: _ignoredPosition, ...rest } = doc;
  return rest;
}

/**
 * Plans a whole batch in order against the stored states, updating them as it goes so that two
 * writes to one document in a batch are guarded against each other as well.
 */
export function planBatch(
  writes: readonly DocumentWrite[],
  stored: Map<string, StoredState>,
): Array<{ readonly index: number; readonly write: DocumentWrite; readonly operation: MongoWriteOperation }> {
  const planned: Array<{ index: number; write: DocumentWrite; operation: MongoWriteOperation }> = [];
  writes.forEach((write, index) => {
    const key = stateKey(write.collection, write.id);
    const operation = planWrite(write, stored.get(key));
    if (!operation) return;
    stored.set(key, { position: write.position, deleted: write.kind === 'delete' });
    planned.push({ index, write, operation });
  });
  return planned;
}

export function stateKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
