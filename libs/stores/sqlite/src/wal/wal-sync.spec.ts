import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalSync, type CommittedGroup } from './wal-sync';

describe('WalSync (durability full with the fsync off the main thread)', () => {
  let dir: string;
  let wal: string;
  let pending: Array<(error: NodeJS.ErrnoException | null) => void>;
  let sync: WalSync;
  const answered: string[] = [];
  const group = (name: string, firstPosition: number | undefined): CommittedGroup => ({
    firstPosition,
    durable: () => answered.push(`${name} durable`),
    failed: (error) => answered.push(`${name} failed: ${error.message}`),
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-wal-sync-'));
    wal = join(dir, 'events.db-wal');
    writeFileSync(wal, 'frames');
    pending = [];
    answered.length = 0;
    sync = new WalSync(wal, (_fd, done) => pending.push(done));
  });
  afterEach(() => {
    sync.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a group only after its fsync, one fsync in flight covering every group committed before it began', () => {
    sync.afterCommit(group('a', 1));
    sync.afterCommit(group('b', 5));
    sync.afterCommit(group('c', 9));
    expect(pending).toHaveLength(1); // b and c wait: they may not be covered by the fsync already running
    expect(answered).toEqual([]);
    expect(sync.notDurableFrom()).toBe(1);

    pending[0](null);
    expect(answered).toEqual(['a durable']);
    expect(pending).toHaveLength(2); // the next fsync covers b and c together
    expect(sync.notDurableFrom()).toBe(5);

    pending[1](null);
    expect(answered).toEqual(['a durable', 'b durable', 'c durable']);
    expect(sync.notDurableFrom()).toBeUndefined();
  });

  it('fails the groups a failed fsync covered, and syncs the next ones again', () => {
    sync.afterCommit(group('a', 1));
    sync.afterCommit(group('b', 3));
    pending[0](Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    expect(answered).toEqual(['a failed: EIO: i/o error, fdatasync']);
    pending[1](null);
    expect(answered).toEqual(['a failed: EIO: i/o error, fdatasync', 'b durable']);
  });

  it('fails the group when the WAL cannot be opened', () => {
    const missing = new WalSync(join(dir, 'missing.db-wal'), (_fd, done) => pending.push(done));
    missing.afterCommit(group('a', 1));
    expect(answered[0]).toMatch(/^a failed: ENOENT/);
    expect(pending).toHaveLength(0);
  });

  it('drains: resolves once every committed group is answered', async () => {
    sync.afterCommit(group('a', 1));
    sync.afterCommit(group('b', 2));
    let drained = false;
    const draining = sync.drain().then(() => (drained = true));
    pending[0](null);
    await Promise.resolve();
    expect(drained).toBe(false);
    pending[1](null);
    await draining;
    expect(answered).toEqual(['a durable', 'b durable']);
  });
});
