import type { DocumentWrite, UpdateOperators } from '@c360/kernel';
import { planBatch, planWrite, stateKey, toMongoUpdate, validateWrites, type StoredState } from './mongo-write-plan';

const replace = (id: string, doc: Record<string, unknown>, position: number): DocumentWrite => ({
  kind: 'replace',
  collection: 'c',
  id,
  doc,
  position,
});
const update = (id: string, position: number, ops: UpdateOperators, upsert?: boolean): DocumentWrite => ({
  kind: 'update',
  collection: 'c',
  id,
  position,
  update: ops,
  ...(upsert === undefined ? {} : { upsert }),
});
const live = (position: number): StoredState => ({ position, deleted: false });
const tombstone = (position: number): StoredState => ({ position, deleted: true });

describe('planWrite', () => {
  it('guards a replace by position and upserts it, without the store fields of the document', () => {
    expect(planWrite(replace('a', { _id: 'x', _position: 1, name: 'Ada' }, 10), undefined)).toEqual({
      replaceOne: { filter: { _id: 'a', _position: { $lt: 10 } }, replacement: { name: 'Ada', _position: 10 }, upsert: true },
    });
  });

  it('writes a delete as a tombstone that holds nothing but its position', () => {
    expect(planWrite({ kind: 'delete', collection: 'c', id: 'a', position: 9 }, live(5))).toEqual({
      replaceOne: { filter: { _id: 'a', _position: { $lt: 9 } }, replacement: { _deleted: true, _position: 9 }, upsert: true },
    });
  });

  it('skips a write at or below the stored position, tombstones included', () => {
    expect(planWrite(replace('a', {}, 10), live(10))).toBeUndefined();
    expect(planWrite(replace('a', {}, 9), live(10))).toBeUndefined();
    expect(planWrite(replace('a', {}, 9), tombstone(10))).toBeUndefined();
    expect(planWrite(update('a', 10, { $inc: { n: 1 } }), live(10))).toBeUndefined();
  });

  it('updates a live document only while it is live and older', () => {
    expect(planWrite(update('a', 7, { $inc: { n: 1 } }), live(3))).toEqual({
      updateOne: {
        filter: { _id: 'a', _position: { $lt: 7 }, _deleted: { $ne: true } },
        update: { $set: { _position: 7 }, $inc: { n: 1 } },
        upsert: true,
      },
    });
  });

  it('skips an update that may not create a missing or deleted document', () => {
    expect(planWrite(update('a', 7, { $set: { x: 1 } }, false), undefined)).toBeUndefined();
    expect(planWrite(update('a', 7, { $set: { x: 1 } }, false), tombstone(3))).toBeUndefined();
    expect(planWrite(update('a', 7, { $set: { x: 1 } }, false), live(3))).toBeDefined();
  });

  it('turns an update of a tombstone into the insert it stands for, matching only the tombstone', () => {
    expect(
      planWrite(update('a', 7, { $set: { x: 1 }, $setOnInsert: { createdAt: 7 }, $inc: { n: 1 }, $unset: ['y'] }), tombstone(3)),
    ).toEqual({
      updateOne: {
        filter: { _id: 'a', _position: { $lt: 7 }, _deleted: true },
        update: { $set: { createdAt: 7, x: 1, _position: 7 }, $inc: { n: 1 }, $unset: { y: '', _deleted: '' } },
        upsert: false,
      },
    });
  });
});

describe('toMongoUpdate', () => {
  it('maps every port operator to MongoDB and always sets the new position', () => {
    expect(
      toMongoUpdate(
        {
          $set: { 'owner.name': 'Bo' },
          $unset: ['owner.phone', 'note'],
          $inc: { points: 10 },
          $push: { history: { at: 2 } },
          $setOnInsert: { createdAt: 2 },
        },
        2,
      ),
    ).toEqual({
      $set: { 'owner.name': 'Bo', _position: 2 },
      $unset: { 'owner.phone': '', note: '' },
      $inc: { points: 10 },
      $push: { history: { at: 2 } },
      $setOnInsert: { createdAt: 2 },
    });
  });

  it('leaves out empty operators, which older servers refuse', () => {
    expect(toMongoUpdate({ $set: {}, $unset: [], $inc: {}, $push: {}, $setOnInsert: {} }, 4)).toEqual({ $set: { _position: 4 } });
  });
});

describe('planBatch', () => {
  it('plans in order against the stored states and its own earlier writes', () => {
    const stored = new Map([[stateKey('c', 'old'), live(20)]]);
    const planned = planBatch(
      [
        replace('old', { v: 1 }, 10), // replayed
        update('new', 1, { $inc: { n: 1 } }), // creates
        update('new', 1, { $inc: { n: 1 } }), // the same event twice in a batch
        update('new', 2, { $inc: { n: 1 } }), // now live
        { kind: 'delete', collection: 'c', id: 'new', position: 3 },
        update('new', 4, { $set: { back: true } }), // revives the tombstone of position 3
      ],
      stored,
    );
    expect(planned.map((each) => each.index)).toEqual([1, 3, 4, 5]);
    expect(planned.map((each) => Object.keys(each.operation)[0])).toEqual(['updateOne', 'updateOne', 'replaceOne', 'updateOne']);
    expect(planned[3].operation).toMatchObject({ updateOne: { filter: { _deleted: true }, upsert: false } });
    expect(stored.get(stateKey('c', 'new'))).toEqual(live(4));
  });

  it('keeps documents of different collections apart', () => {
    const planned = planBatch(
      [
        { ...replace('a', {}, 1), collection: 'one' },
        { ...replace('a', {}, 1), collection: 'two' },
      ],
      new Map(),
    );
    expect(planned).toHaveLength(2);
  });
});

describe('validateWrites', () => {
  it('accepts a well-formed batch', () => {
    expect(() => validateWrites([replace('a', { x: 1 }, 0), update('b', 1, { $inc: { 'stats.n': 2 } })])).not.toThrow();
  });

  it('refuses the whole batch for one bad write, before anything is sent', () => {
    expect(() => validateWrites([replace('a', {}, 1), { ...replace('b', {}, 1), collection: 'bad name;' }])).toThrow(/collection name/);
    expect(() => validateWrites([replace('', {}, 1)])).toThrow(/Document id/);
    expect(() => validateWrites([replace('a', {}, 1.5)])).toThrow(/position/);
    expect(() => validateWrites([replace('a', {}, -1)])).toThrow(/position/);
    expect(() => validateWrites([replace('a', { _deleted: true }, 1)])).toThrow(/reserved/);
  });

  it('refuses update paths that would touch the store fields or are not paths', () => {
    expect(() => validateWrites([update('a', 1, { $set: { _position: 99 } })])).toThrow(/maintained by the store/);
    expect(() => validateWrites([update('a', 1, { $set: { '_id.x': 1 } })])).toThrow(/maintained by the store/);
    expect(() => validateWrites([update('a', 1, { $unset: ['_deleted'] })])).toThrow(/maintained by the store/);
    expect(() => validateWrites([update('a', 1, { $set: { 'a..b': 1 } })])).toThrow(/invalid field path/);
    expect(() => validateWrites([update('a', 1, { $push: { $each: 1 } })])).toThrow(/invalid field path/);
    expect(() => validateWrites([update('a', 1, { $inc: { n: Number.POSITIVE_INFINITY } })])).toThrow(/finite number/);
    expect(() => validateWrites([update('a', 1, { $rename: { a: 'b' } } as unknown as UpdateOperators)])).toThrow(
      /Unknown update operator/,
    );
  });
});
