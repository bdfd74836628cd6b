import { TransientStoreError, uuidv7, type NewEvent } from '@c360/kernel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

// The WAL's fsync is held by the spec: durability full answers, and in-process readers see, only after it.
const mockSyncs: Array<(error: NodeJS.ErrnoException | null) => void> = [];
jest.mock('node:fs', () => ({
  ...jest.requireActual('node:fs'),
  fdatasync: (_fd: number, done: (error: NodeJS.ErrnoException | null) => void) => mockSyncs.push(done),
}));

const event = (): NewEvent => ({
  id: uuidv7(),
  type: 'durability.test',
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: { n: 1 },
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'test', role: 'system' } },
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('SqliteEventStore, durability full: answered and visible only once the WAL is synced', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-durability-'));
    mockSyncs.length = 0;
    store = new SqliteEventStore({ file: join(dir, 'events.db'), durability: 'full' });
  });
  afterEach(async () => {
    while (mockSyncs.length) mockSyncs.shift()?.(null);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the answer and hides the events from readAll and headPosition until the fsync completes', async () => {
    let answered = false;
    const appended = store.appendToStream('s-1', [event(), event()], { expectedRevision: 'no_stream' }).then((result) => {
      answered = true;
      return result;
    });
    await turn(); // the group is committed; its fsync is in flight
    await turn();
    expect(mockSyncs).toHaveLength(1);
    expect(answered).toBe(false);
    expect((await store.readAll()).events).toEqual([]);
    expect(await store.headPosition()).toBeUndefined();

    mockSyncs.shift()?.(null);
    expect(await appended).toMatchObject({ nextExpectedRevision: 1, position: 2, duplicate: false });
    expect((await store.readAll()).events.map((e) => e.position)).toEqual([1, 2]);
    expect(await store.headPosition()).toBe(2);
  });

  it('answers refusals at once and reports a failed fsync as a transient error', async () => {
    const written = store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    const refused = store.appendToStream('s-2', [event()], { expectedRevision: 3 });
    await expect(refused).rejects.toThrow(/expected/i); // wrong expected revision, answered before any fsync
    await turn();
    mockSyncs.shift()?.(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(written).rejects.toBeInstanceOf(TransientStoreError);
  });
});
