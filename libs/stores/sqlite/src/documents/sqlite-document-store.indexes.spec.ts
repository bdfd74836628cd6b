import Database from 'better-sqlite3';
import { SqliteDocumentStore } from './sqlite-document-store';

/** Index builds and where their sort may spill (ADR 0030): personal data never leaves the store's own file. */
describe('SqliteDocumentStore indexes', () => {
  const open = () => new SqliteDocumentStore({ database: new Database(':memory:') });
  const tempStore = (store: SqliteDocumentStore) => store.db.pragma('temp_store', { simple: true }); // 2 = MEMORY
  const indexesOf = (store: SqliteDocumentStore) =>
    store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_c_v1' AND sql IS NOT NULL").pluck().all();

  it('sorts a collection without personal data through temporary files, then goes back to memory', async () => {
    const store = open();
    store.db.pragma('temp_store = MEMORY');
    await store.write([{ kind: 'replace', collection: 'c_v1', id: 'a', doc: { at: '2026-01-01' }, position: 1 }]);
    await store.ensureIndex('c_v1', { fields: ['at'] }, { holdsPersonalData: false });
    expect(indexesOf(store)).toEqual(['ix_c_v1_at']);
    expect(tempStore(store)).toBe(2);
    await store.close();
  });

  it('goes back to memory when the build fails, and reports the failure', async () => {
    const store = open();
    store.db.pragma('temp_store = MEMORY');
    await store.write([
      { kind: 'replace', collection: 'c_v1', id: 'a', doc: { email: 'same' }, position: 1 },
      { kind: 'replace', collection: 'c_v1', id: 'b', doc: { email: 'same' }, position: 2 },
    ]);
    // Matched by message: better-sqlite3's native errors can belong to the realm of another spec file of the same Jest
    // worker, and `rejects.toThrow` then reported "did not throw" (two runs in five of libs/stores).
    const outcome = await store.ensureIndex('c_v1', { fields: ['email'], unique: true }, { holdsPersonalData: false }).then(
      () => 'built',
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/UNIQUE constraint failed/);
    expect(tempStore(store)).toBe(2);
    expect(indexesOf(store)).toEqual([]);
    await store.close();
  });

  it('keeps the indexes of a rebuilt collection through each switch-over, and finds them again by what they index', async () => {
    const store = open();
    const index = { fields: ['at'] };
    const allIndexes = () =>
      store.db.prepare("SELECT name, tbl_name AS tableName FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all();
    await store.ensureIndex('c_v1', index);
    for (let rebuild = 1; rebuild <= 2; rebuild++) {
      await store.dropCollection('c-rebuild_v1');
      await store.write([{ kind: 'replace', collection: 'c-rebuild_v1', id: 'a', doc: { at: `t${rebuild}` }, position: rebuild }]);
      await store.ensureIndex('c-rebuild_v1', index, { holdsPersonalData: false });
      const expected = rebuild === 1 ? undefined : rebuild - 1; // the live checkpoint, as the previous switch-over left it
      const request = { staging: 'c-rebuild_v1', live: 'c_v1', checkpoint: 'p', expected, position: rebuild, stagingCheckpoint: 'r' };
      expect(store.swapCollection(request)).toBe(true);
      await store.ensureIndex('c_v1', index); // at the next start: found, not built again
      expect(allIndexes()).toEqual([{ name: expect.stringMatching(/^ix_c_rebuild_v1_at/), tableName: 'rm_c_v1' }]);
      expect(await store.find('c_v1', { at: `t${rebuild}` })).toMatchObject({ items: [{ _id: 'a' }] });
    }
    await store.close();
  });
});
