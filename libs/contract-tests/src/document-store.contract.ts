import { UniqueConstraintError, type CheckpointStore, type DocumentStore, type DocumentWrite } from '@c360/kernel';
import { uniquePrefix } from './sample-events';

export interface DocumentStoreHarness {
  open(): Promise<{ documents: DocumentStore; checkpoints: CheckpointStore; dispose(): Promise<void> }>;
}

/**
 * The one contract every DocumentStore adapter passes, with MongoDB's semantics. Each test writes to
 * collections with a unique name so the suite can run against a shared server.
 */
export function documentStoreContract(adapter: string, harness: DocumentStoreHarness): void {
  describe(`DocumentStore contract: ${adapter}`, () => {
    let documents: DocumentStore;
    let checkpoints: CheckpointStore;
    let dispose: () => Promise<void>;
    let c: string;

    beforeEach(async () => {
      ({ documents, checkpoints, dispose } = await harness.open());
      c = uniquePrefix('docs').replace(/-/g, '_');
    });
    afterEach(async () => {
      await documents.dropCollection(c).catch(() => undefined);
      await dispose();
    });

    const replace = (id: string, doc: Record<string, unknown>, position: number): DocumentWrite => ({
      kind: 'replace',
      collection: c,
      id,
      doc,
      position,
    });

    describe('position-guarded writes', () => {
      it('stores a document with its id and position', async () => {
        expect(await documents.write([replace('a', { name: 'Ada', tags: ['vip'] }, 10)])).toEqual({ applied: 1, skipped: 0 });
        expect(await documents.get(c, 'a')).toEqual({ _id: 'a', _position: 10, name: 'Ada', tags: ['vip'] });
        expect(await documents.get(c, 'nobody')).toBeNull();
      });

      it('never applies a write at or below the stored position (a replayed event changes nothing)', async () => {
        await documents.write([replace('a', { v: 2 }, 20)]);
        expect(await documents.write([replace('a', { v: 1 }, 10), replace('a', { v: 'same' }, 20)])).toEqual({
          applied: 0,
          skipped: 2,
        });
        expect(await documents.get(c, 'a')).toMatchObject({ v: 2, _position: 20 });
        await documents.write([replace('a', { v: 3 }, 21)]);
        expect(await documents.get(c, 'a')).toMatchObject({ v: 3, _position: 21 });
      });

      it('applies update operators, and counts a replayed $inc once', async () => {
        const update = (position: number): DocumentWrite => ({
          kind: 'update',
          collection: c,
          id: 'acc',
          position,
          update: {
            $inc: { points: 10, 'stats.earned': 1 },
            $push: { history: position },
            $set: { 'owner.name': 'Bo' },
            $setOnInsert: { createdAt: position },
          },
        });
        await documents.write([update(1), update(2)]);
        await documents.write([update(2)]); // replay after a crash
        expect(await documents.get(c, 'acc')).toEqual({
          _id: 'acc',
          _position: 2,
          points: 20,
          stats: { earned: 2 },
          history: [1, 2],
          owner: { name: 'Bo' },
          createdAt: 1,
        });
        await documents.write([{ kind: 'update', collection: c, id: 'acc', position: 3, update: { $unset: ['owner'] } }]);
        expect(await documents.get(c, 'acc')).not.toHaveProperty('owner');
      });

      it('does not create a document when an update says upsert: false', async () => {
        const outcome = await documents.write([
          { kind: 'update', collection: c, id: 'ghost', position: 5, upsert: false, update: { $set: { x: 1 } } },
        ]);
        expect(outcome.applied).toBe(0);
        expect(await documents.get(c, 'ghost')).toBeNull();
      });

      it('keeps a deleted document deleted when an older event is replayed', async () => {
        await documents.write([replace('d', { name: 'Erased' }, 5), { kind: 'delete', collection: c, id: 'd', position: 9 }]);
        expect(await documents.get(c, 'd')).toBeNull();
        await documents.write([replace('d', { name: 'Erased' }, 5)]);
        expect(await documents.get(c, 'd')).toBeNull();
        expect(await documents.count(c)).toBe(0);
        await documents.write([replace('d', { name: 'Back' }, 12)]);
        expect(await documents.get(c, 'd')).toMatchObject({ name: 'Back' });
      });

      it('applies a large batch in order: repeats, deletes, updates and a second collection among the replaces', async () => {
        const other = `${c}_other`;
        const writes: DocumentWrite[] = [];
        for (let n = 0; n < 100; n++) writes.push(replace(`d${n}`, { n }, 100 + n));
        writes.push(replace('d1', { n: 'newer' }, 300), replace('d2', { n: 'older' }, 50)); // later in the batch, above and below
        writes.push({ kind: 'delete', collection: c, id: 'd3', position: 301 });
        writes.push({ kind: 'update', collection: c, id: 'd4', position: 302, update: { $set: { seen: true } } });
        writes.push({ ...replace('x', { in: 'other' }, 303), collection: other }, replace('d5', { n: 'after' }, 304));
        expect(await documents.write(writes)).toEqual({ applied: writes.length - 1, skipped: 1 });
        expect(await documents.count(c)).toBe(99);
        expect(await documents.get(c, 'd0')).toMatchObject({ n: 0, _position: 100 });
        expect(await documents.get(c, 'd1')).toMatchObject({ n: 'newer', _position: 300 });
        expect(await documents.get(c, 'd2')).toMatchObject({ n: 2, _position: 102 });
        expect(await documents.get(c, 'd3')).toBeNull();
        expect(await documents.get(c, 'd4')).toMatchObject({ n: 4, seen: true, _position: 302 });
        expect(await documents.get(c, 'd5')).toMatchObject({ n: 'after', _position: 304 });
        expect(await documents.get(c, 'd99')).toMatchObject({ n: 99 });
        expect(await documents.get(other, 'x')).toMatchObject({ in: 'other' });
        await documents.dropCollection(other);
      });

      it('stores the checkpoint given with a batch', async () => {
        const name = `${c}-checkpoint`;
        await documents.write([replace('a', { v: 1 }, 7)], { name, position: 8 });
        expect(await checkpoints.get(name)).toBe(8);
        await checkpoints.reset(name);
      });

      it('refuses an invalid collection name and writes nothing', async () => {
        await expect(documents.write([replace('a', { v: 1 }, 1), { ...replace('b', {}, 1), collection: 'bad name;' }])).rejects.toThrow(
          /collection name/,
        );
        expect(await documents.get(c, 'a')).toBeNull();
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await documents.write([
          replace('c1', { name: 'anna', age: 31, emails: ['anna@x.io', 'a@y.io'], tier: 'gold', address: { city: 'Oslo' }, vip: true }, 1),
          replace('c2', { name: 'annabel', age: 25, emails: ['bel@x.io'], tier: 'silver', address: { city: 'Bergen' }, vip: false }, 2),
          replace('c3', { name: 'bob', age: '40', emails: [], tier: null, address: { city: 'Oslo' } }, 3),
          replace('c4', { name: 'carl', age: 52, emails: ['carl@x.io'], tier: 'gold', vip: true }, 4),
        ]);
      });
      const ids = async (filter: Parameters<DocumentStore['find']>[1]) =>
        (await documents.find(c, filter, { limit: 100 })).items.map((doc) => doc._id).sort();

      it('matches equality, on scalars, nested fields and array elements', async () => {
        expect(await ids({ tier: 'gold' })).toEqual(['c1', 'c4']);
        expect(await ids({ 'address.city': 'Oslo' })).toEqual(['c1', 'c3']);
        expect(await ids({ emails: 'a@y.io' })).toEqual(['c1']);
        expect(await ids({ vip: true })).toEqual(['c1', 'c4']);
        expect(await ids({ _id: 'c2' })).toEqual(['c2']);
      });

      it('treats null as null-or-missing, and $exists as present', async () => {
        expect(await ids({ tier: null })).toEqual(['c3']);
        expect(await ids({ vip: null })).toEqual(['c3']);
        expect(await ids({ vip: { $exists: true } })).toEqual(['c1', 'c2', 'c4']);
        expect(await ids({ address: { $exists: false } })).toEqual(['c4']);
      });

      it('compares ranges only within one type, like MongoDB', async () => {
        expect(await ids({ age: { $gte: 30 } })).toEqual(['c1', 'c4']);
        expect(await ids({ age: { $gt: 20, $lt: 40 } })).toEqual(['c1', 'c2']);
        expect(await ids({ age: { $gte: '0' } })).toEqual(['c3']);
      });

      it('supports $in, $ne and $prefix', async () => {
        expect(await ids({ tier: { $in: ['silver', 'gold'] } })).toEqual(['c1', 'c2', 'c4']);
        expect(await ids({ emails: { $in: ['bel@x.io', 'carl@x.io'] } })).toEqual(['c2', 'c4']);
        expect(await ids({ tier: { $ne: 'gold' } })).toEqual(['c2', 'c3']);
        expect(await ids({ name: { $prefix: 'anna' } })).toEqual(['c1', 'c2']);
        expect(await ids({ name: { $prefix: 'x' } })).toEqual([]);
      });

      it('counts with a filter', async () => {
        expect(await documents.count(c)).toBe(4);
        expect(await documents.count(c, { tier: 'gold' })).toBe(2);
      });

      it('returns only the fields asked for, with the id and position, and nested values whole', async () => {
        const page = await documents.find<Record<string, unknown>>(c, { tier: 'gold' }, { fields: ['name', 'address'], limit: 10 });
        expect(page.items).toEqual([
          { _id: 'c1', _position: 1, name: 'anna', address: { city: 'Oslo' } },
          { _id: 'c4', _position: 4, name: 'carl' },
        ]);
      });

      it('keeps the sort field in a page of selected fields, so its cursor walks on', async () => {
        const seen: unknown[] = [];
        let after: string | undefined;
        do {
          const page = await documents.find<Record<string, unknown>>(
            c,
            {},
            { fields: ['name'], sort: { field: 'name', direction: 'desc' }, limit: 3, after },
          );
          seen.push(...page.items.map((doc) => doc.name));
          after = page.nextCursor;
        } while (after);
        expect(seen).toEqual(['carl', 'bob', 'annabel', 'anna']);
      });

      it('refuses a field list that is empty or names no top-level field', async () => {
        await expect(documents.find(c, {}, { fields: [] })).rejects.toThrow(/fields/);
        await expect(documents.find(c, {}, { fields: ["name') || doc --"] })).rejects.toThrow(/fields/);
        await expect(documents.find(c, {}, { fields: ['address.city'] })).rejects.toThrow(/fields/);
      });

      it('fetches many by id, leaving out the missing ones', async () => {
        const found = await documents.getMany<{ name: string }>(c, ['c4', 'nope', 'c1']);
        expect(found.map((doc) => doc.name).sort()).toEqual(['anna', 'carl']);
      });
    });

    describe('sorting and pagination', () => {
      it('walks every document exactly once through cursors, ties broken by id', async () => {
        const writes: DocumentWrite[] = Array.from({ length: 23 }, (_, i) =>
          replace(`d${String(i).padStart(2, '0')}`, { score: i % 5, label: i % 3 === 0 ? null : `l${i}` }, i + 1),
        );
        await documents.write(writes);
        for (const direction of ['asc', 'desc'] as const) {
          const seen: Array<{ id: string; score: number }> = [];
          let after: string | undefined;
          do {
            const page = await documents.find<{ score: number }>(c, {}, { sort: { field: 'score', direction }, limit: 4, after });
            seen.push(...page.items.map((doc) => ({ id: doc._id, score: doc.score })));
            after = page.nextCursor;
          } while (after);
          expect(seen).toHaveLength(23);
          expect(new Set(seen.map((s) => s.id)).size).toBe(23);
          const scores = seen.map((s) => s.score);
          expect(scores).toEqual([...scores].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
        }
      });

      it('pages over a field with nulls, nulls first ascending', async () => {
        await documents.write(
          Array.from({ length: 9 }, (_, i) => replace(`n${i}`, i % 3 === 0 ? { label: null } : { label: `l${i}` }, i + 1)),
        );
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await documents.find<{ label: string | null }>(
            c,
            {},
            { sort: { field: 'label', direction: 'asc' }, limit: 2, after },
          );
          seen.push(...page.items.map((doc) => doc._id));
          after = page.nextCursor;
        } while (after);
        expect(seen).toEqual(['n0', 'n3', 'n6', 'n1', 'n2', 'n4', 'n5', 'n7', 'n8']);
      });

      it('refuses a limit out of range and a forged cursor', async () => {
        await expect(documents.find(c, {}, { limit: 0 })).rejects.toThrow(/limit/);
        await expect(documents.find(c, {}, { limit: 5000 })).rejects.toThrow(/limit/);
        await expect(documents.find(c, {}, { after: 'garbage!' })).rejects.toThrow(/cursor/);
      });
    });

    it('drops a collection', async () => {
      await documents.write([replace('a', { v: 1 }, 1)]);
      await documents.dropCollection(c);
      expect(await documents.count(c)).toBe(0);
    });

    it('enforces a unique index', async () => {
      await documents.ensureIndex(c, { fields: ['email'], unique: true });
      await documents.write([replace('u1', { email: 'x@y.io' }, 1)]);
      await expect(documents.write([replace('u3', { email: 'z@y.io' }, 2), replace('u2', { email: 'x@y.io' }, 3)])).rejects.toBeInstanceOf(
        UniqueConstraintError,
      );
      expect(await documents.get(c, 'u2')).toBeNull();
    });
  });
}
