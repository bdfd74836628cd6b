import { TransientStoreError } from '@c360/kernel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from './sqlite-key-store';

// The WAL's fsync is held by the spec: a new key is handed out only once it is on disk.
const mockSyncs: Array<(error: NodeJS.ErrnoException | null) => void> = [];
jest.mock('node:fs', () => ({
  ...jest.requireActual('node:fs'),
  fdatasync: (_fd: number, done: (error: NodeJS.ErrnoException | null) => void) => mockSyncs.push(done),
}));

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('SqliteKeyStore, durability full: a new key is synced off the event loop before it is handed out', () => {
  let dir: string;
  let keys: SqliteKeyStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-key-durability-'));
    mockSyncs.length = 0;
    keys = new SqliteKeyStore({ file: join(dir, 'keys.db') });
  });
  afterEach(async () => {
    for (const done of mockSyncs.splice(0)) done(null);
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a new subject only after the fsync, and the event loop runs meanwhile', async () => {
    let answered = false;
    const created = keys.create('customer-1').then((key) => ((answered = true), key));
    let turns = 0;
    for (; turns < 5; turns++) await turn(); // timers and I/O run: nothing blocks on the sync
    expect(answered).toBe(false);
    expect(mockSyncs).toHaveLength(1);
    mockSyncs.shift()?.(null);
    const key = await created;
    expect(key.subject).toBe('customer-1');
    expect(key.key).toHaveLength(32);
  });

  it('makes a reader of a key created moments ago wait for the sync too, and an old key not at all', async () => {
    const first = keys.create('customer-2');
    await turn();
    const second = keys.create('customer-2'); // found, but maybe not on disk yet
    await turn();
    expect(mockSyncs.length).toBeGreaterThanOrEqual(1);
    for (const done of mockSyncs.splice(0)) done(null);
    await turn();
    for (const done of mockSyncs.splice(0)) done(null);
    const [a, b] = await Promise.all([first, second]);
    expect(b.keyId).toBe(a.keyId);

    const realNow = Date.now;
    Date.now = () => realNow() + 60_000; // a minute later
    try {
      await expect(keys.create('customer-2')).resolves.toMatchObject({ keyId: a.keyId });
      expect(mockSyncs).toHaveLength(0);
    } finally {
      Date.now = realNow;
    }
  });

  it('fails the creation as transient when the sync fails, and the next attempt hands the same key out once synced', async () => {
    const failing = keys.create('customer-3');
    await turn();
    mockSyncs.shift()?.(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(failing).rejects.toBeInstanceOf(TransientStoreError);
    const retried = keys.create('customer-3');
    await turn();
    mockSyncs.shift()?.(null);
    const key = await retried;
    expect(key.subject).toBe('customer-3');
    expect((await keys.get('customer-3'))?.keyId).toBe(key.keyId);
  });
});
