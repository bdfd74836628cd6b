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
});
