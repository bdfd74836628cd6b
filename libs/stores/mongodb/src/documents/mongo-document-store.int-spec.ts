import { uniquePrefix } from '@c360/contract-tests';
import { UniqueConstraintError, type DocumentWrite } from '@c360/kernel';
import { MongoClient } from 'mongodb';
import { clientOptions, connectMongoReadModels, type MongoReadModels } from '../connect-mongo-read-models';
import { requireMongoUrl, testDatabaseName } from '../testing/mongo-test-env';
import type { MongoDocumentStore } from './mongo-document-store';

/**
 * What the MongoDB adapter does beyond the shared contract: how tombstones look on the server,
 * unique indexes that ignore them, a batch broken by a unique index, concurrent writers, and
 * paging over a field of mixed types.
 */
describe('MongoDocumentStore on a MongoDB-wire server', () => {
  const database = testDatabaseName('adapter');
  let stores: MongoReadModels;
  let raw: MongoClient;
  let c: string;

  beforeAll(async () => {
    const url = requireMongoUrl();
    stores = await connectMongoReadModels({ url, database });
    raw = new MongoClient(url, clientOptions(url));
  });
  beforeEach(() => {
    c = uniquePrefix('adapter').replace(/-/g, '_');
  });
  afterAll(async () => {
    await raw?.db(database).dropDatabase();
    await raw?.close();
    await stores?.close();
  });

  const replace = (id: string, doc: Record<string, unknown>, position: number): DocumentWrite => ({
    kind: 'replace',
    collection: c,
    id,
    doc,
    position,
  });
  const remove = (id: string, position: number): DocumentWrite => ({ kind: 'delete', collection: c, id, position });

  it('keeps nothing but the position in a tombstone', async () => {
    await stores.documents.write([replace('p', { name: 'Pia', email: 'pia@x.io' }, 1), remove('p', 2)]);
    expect(
      await raw
        .db(database)
        .collection(c)
        .findOne({ _id: 'p' as never }),
    ).toEqual({ _id: 'p', _position: 2, _deleted: true });
  });

  it('turns an update of a tombstone into an insert, $setOnInsert included', async () => {
    await stores.documents.write([replace('t', { old: true }, 1), remove('t', 2)]);
    const outcome = await stores.documents.write([
      {
        kind: 'update',
        collection: c,
        id: 't',
        position: 3,
        update: { $inc: { n: 1 }, $push: { seen: 3 }, $setOnInsert: { createdAt: 3 } },
      },
    ]);
    expect(outcome).toEqual({ applied: 1, skipped: 0 });
    expect(await stores.documents.get(c, 't')).toEqual({ _id: 't', _position: 3, n: 1, seen: [3], createdAt: 3 });
    expect(
      await raw
        .db(database)
        .collection(c)
        .findOne({ _id: 't' as never }),
    ).not.toHaveProperty('_deleted');
  });

  it('leaves tombstones out of unique indexes, so an erased identity can be used again', async () => {
    await stores.documents.ensureIndex(c, { fields: ['email'], unique: true });
    await stores.documents.ensureIndex(c, { fields: ['email'], unique: true }); // idempotent
    await stores.documents.write([replace('a', { email: 'same@x.io' }, 1), remove('a', 2), remove('b', 3)]);
    await stores.documents.write([replace('c', { email: 'same@x.io' }, 4)]);
    expect((await stores.documents.find(c, { email: 'same@x.io' })).items.map((doc) => doc._id)).toEqual(['c']);
  });

  it('applies a batch up to a unique-index violation, then throws a UniqueConstraintError naming the document', async () => {
    await stores.documents.ensureIndex(c, { fields: ['email'], unique: true });
    await stores.documents.write([replace('u1', { email: 'taken@x.io' }, 1)]);
    const failing = stores.documents.write([
      replace('u2', { email: 'free@x.io' }, 2),
      replace('u3', { email: 'taken@x.io' }, 3),
      replace('u4', {}, 4),
    ]);
    await expect(failing).rejects.toThrow(UniqueConstraintError);
    await expect(failing).rejects.toMatchObject({ collection: c, message: expect.stringContaining('"u3"') });
    expect(await stores.documents.get(c, 'u2')).toMatchObject({ email: 'free@x.io' });
    expect(await stores.documents.get(c, 'u3')).toBeNull();
    expect(await stores.documents.get(c, 'u4')).toBeNull();
  });

  it('counts applied and skipped writes exactly in a batch that mixes replays and new events', async () => {
    await stores.documents.write([replace('m1', { v: 1 }, 10), replace('m2', { v: 1 }, 10)]);
    const outcome = await stores.documents.write([
      replace('m1', { v: 'replayed' }, 10),
      replace('m2', { v: 2 }, 11),
      replace('m3', { v: 1 }, 11),
      { kind: 'update', collection: c, id: 'm3', position: 11, update: { $set: { v: 'same event twice' } } },
      { kind: 'update', collection: c, id: 'm3', position: 12, update: { $inc: { n: 1 } } },
    ]);
    expect(outcome).toEqual({ applied: 3, skipped: 2 });
    expect((await stores.documents.find(c)).items).toEqual([
      { _id: 'm1', _position: 10, v: 1 },
      { _id: 'm2', _position: 11, v: 2 },
      { _id: 'm3', _position: 12, v: 1, n: 1 },
    ]);
  });

  it('never moves a document back under concurrent writes, and counts each applied $inc once', async () => {
    const write = (position: number): DocumentWrite => ({
      kind: 'update',
      collection: c,
      id: 'hot',
      position,
      update: { $inc: { applied: 1 }, $set: { last: position } },
    });
    const odd = Array.from({ length: 20 }, (_, i) => write(i * 2 + 1));
    const even = Array.from({ length: 20 }, (_, i) => write(i * 2 + 2));
    const outcomes = await Promise.all([...odd, ...even].map((each) => stores.documents.write([each])));
    const applied = outcomes.reduce((sum, outcome) => sum + outcome.applied, 0);
    const doc = await stores.documents.get<{ applied: number; last: number }>(c, 'hot');
    expect(doc).toMatchObject({ _position: 40, last: 40 });
    expect(doc?.applied).toBe(applied);
  });

  it('pages through a field that holds several types, in MongoDB order, each document once', async () => {
    const values: unknown[] = [null, 3, 'b', true, 1.5, 'a', false, undefined, 3, 'b'];
    await stores.documents.write(values.map((value, i) => replace(`x${i}`, value === undefined ? {} : { value }, i + 1)));
    for (const direction of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await stores.documents.find(c, {}, { sort: { field: 'value', direction }, limit: 3, after });
        seen.push(...page.items.map((doc) => doc._id));
        after = page.nextCursor;
      } while (after);
      const ascending = ['x0', 'x7', 'x4', 'x1', 'x8', 'x5', 'x2', 'x9', 'x6', 'x3'];
      expect(seen).toEqual(direction === 'asc' ? ascending : [...ascending].reverse());
    }
  });

  it('matches $prefix literally, whatever characters it holds', async () => {
    await stores.documents.write([
      replace('r1', { code: 'a.b*(c' }, 1),
      replace('r2', { code: 'axb*(c' }, 2),
      replace('r3', { code: 'A.B' }, 3),
    ]);
    expect((await stores.documents.find(c, { code: { $prefix: 'a.b*(' } })).items.map((doc) => doc._id)).toEqual(['r1']);
    expect((await stores.documents.find(c, { code: { $prefix: 'a.' } })).items.map((doc) => doc._id)).toEqual(['r1']);
  });

  it('switches a rebuilt collection in, indexes and checkpoint with it, only while the live checkpoint is as expected', async () => {
    const staging = `${c}_staging`;
    await stores.documents.write([replace('old', { v: 'old' }, 1)], { name: `${c}:live`, position: 1 });
    await stores.documents.write([{ kind: 'replace', collection: staging, id: 'new', doc: { v: 'new' }, position: 5 }], {
      name: `${c}:staging`,
      position: 5,
    });
    await stores.documents.ensureIndex(staging, { fields: ['v'] });
    const request = { staging, live: c, checkpoint: `${c}:live`, position: 5, stagingCheckpoint: `${c}:staging` };
    const documents = stores.documents as MongoDocumentStore;
    expect(await documents.swapCollection({ ...request, expected: 0 })).toBe(false);
    expect((await stores.documents.find(c, {})).items.map((doc) => doc._id)).toEqual(['old']);

    expect(await documents.swapCollection({ ...request, expected: 1 })).toBe(true);
    expect((await stores.documents.find(c, {})).items.map((doc) => doc._id)).toEqual(['new']);
    expect(await stores.checkpoints.get(`${c}:live`)).toBe(5);
    expect(await stores.checkpoints.get(`${c}:staging`)).toBeUndefined();
    const indexes = await raw.db(database).collection(c).indexes();
    expect(indexes.map((index) => Object.keys(index.key).join())).toEqual(expect.arrayContaining(['v']));
  });

  it('refuses the field it keeps for tombstones', async () => {
    await expect(stores.documents.write([replace('z', { _deleted: false }, 1)])).rejects.toThrow(/reserved/);
    await expect(stores.documents.find(c, { _deleted: true })).rejects.toThrow(/reserved/);
  });
});
