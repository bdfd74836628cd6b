import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDocumentStore } from './sqlite-document-store';

/** Erased personal data must not linger in the read-model files of a running platform. */
describe('SqliteDocumentStore with secureDelete', () => {
  const secret = 'ada.lovelace@example.com';
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-erasure-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rawFilesContain = (text: string) => readdirSync(dir).some((file) => readFileSync(join(dir, file)).includes(Buffer.from(text)));

  async function writeThenErase(store: SqliteDocumentStore) {
    await store.write([{ kind: 'replace', collection: 'profiles', id: 'c1', doc: { email: secret, tier: 'gold' }, position: 1 }]);
    await store.write([{ kind: 'replace', collection: 'profiles', id: 'c1', doc: { erased: true, tier: 'gold' }, position: 2 }]);
  }

  it('keeps old page images in the WAL until it is purged (what the purge is for)', async () => {
    const store = new SqliteDocumentStore({ file: join(dir, 'read-models.db'), secureDelete: true, walPurgeIntervalMs: 3_600_000 });
    await writeThenErase(store);
    expect(rawFilesContain(secret)).toBe(true);
    await store.flushErasures();
    expect(rawFilesContain(secret)).toBe(false);
    await store.close();
  });

  it('purges the WAL on its own within the interval, while the store stays open', async () => {
    const store = new SqliteDocumentStore({ file: join(dir, 'read-models.db'), secureDelete: true, walPurgeIntervalMs: 20 });
    await writeThenErase(store);
    for (let i = 0; i < 100 && rawFilesContain(secret); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rawFilesContain(secret)).toBe(false);
    expect(await store.get('profiles', 'c1')).toMatchObject({ erased: true, tier: 'gold' });
    await store.close();
  });
});
