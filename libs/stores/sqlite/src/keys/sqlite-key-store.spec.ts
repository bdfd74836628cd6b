import { keyStoreContract } from '@c360/contract-tests';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from './sqlite-key-store';

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'c360-keys-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

keyStoreContract('embedded SQLite', {
  async open() {
    const { dir, remove } = tempDir();
    const file = join(dir, 'keys.db');
    const keys = new SqliteKeyStore({ file });
    const opened = [keys];
    return {
      keys,
      reopen: async () => {
        const again = new SqliteKeyStore({ file });
        opened.push(again);
        return again;
      },
      dispose: async () => {
        for (const store of opened) await store.close();
        remove();
      },
    };
  },
});

describe('SqliteKeyStore on disk', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  const rawBytes = () => Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));

  it('leaves no trace of a deleted key in any of its files (database and WAL)', async () => {
    const keys = new SqliteKeyStore({ file: join(dir, 'keys.db') });
    const kept = await keys.create('customer-kept');
    const doomed = await keys.create('customer-doomed');
    expect(rawBytes().includes(Buffer.from(doomed.key))).toBe(true);

    await keys.delete('customer-doomed');
    // While the store is still open (a running platform), and after it closed.
    expect(rawBytes().includes(Buffer.from(doomed.key))).toBe(false);
    await keys.close();
    expect(rawBytes().includes(Buffer.from(doomed.key))).toBe(false);
    expect(rawBytes().includes(Buffer.from(kept.key))).toBe(true);
    expect(existsSync(join(dir, 'keys.db'))).toBe(true);
  });
});
