import { CorruptEventError, IdempotencyConflictError, TransientStoreError, uuidv7, type NewEvent } from '@c360/kernel';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROWS_PER_INSERT } from './multi-row-insert';
import { SqliteEventStore } from './sqlite-event-store';

const event = (size = 10): NewEvent => ({
  id: uuidv7(),
  type: 'fault.test',
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: { padding: 'x'.repeat(size) },
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'test', role: 'system' } },
});

describe('SqliteEventStore under faults', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-faults-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a corrupt row with its position instead of skipping it', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file });
    await store.appendToStream('s-1', [event(), event(), event()], { expectedRevision: 'no_stream' });
    const raw = new Database(file);
    raw.prepare("UPDATE events SET data = '{not json' WHERE position = 2").run();
    raw.close();

    await expect(store.readStream('s-1')).rejects.toBeInstanceOf(CorruptEventError);
    await expect(store.readAll()).rejects.toThrow(/position 2 .*corrupt/);
    expect((await store.readStream('s-1', { maxCount: 1 }))[0].revision).toBe(0); // rows before it still read
    await store.close();
  });

  it('fails a whole group commit cleanly when the disk is full, keeping everything acknowledged before', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file, maxSizeMiB: 1 });
    const acknowledged: string[] = [];
    let failure: unknown;
    for (let i = 0; i < 200 && !failure; i++) {
      const batch = [event(2_000), event(2_000)];
      try {
        await store.appendToStream(`s-${i}`, batch, { expectedRevision: 'no_stream' });
        acknowledged.push(...batch.map((e) => e.id));
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(TransientStoreError);
    expect((failure as Error).message).toMatch(/nothing was written/);
    await store.close();

    const reopened = new SqliteEventStore({ file });
    const stored: string[] = [];
    let after: number | undefined;
    for (;;) {
      const slice = await reopened.readAll({ after });
      stored.push(...slice.events.map((e) => e.id));
      after = slice.lastPosition;
      if (slice.isEnd) break;
    }
    expect(stored).toEqual(acknowledged);
    // With room again, the store accepts appends.
    await reopened.appendToStream('after-full', [event()], { expectedRevision: 'no_stream' });
    await reopened.close();
  });

  // Events are inserted ROWS_PER_INSERT to a statement: a failure in the first statement undoes itself,
  // one in a later statement leaves the earlier ones written and needs the savepoint per append.
  it.each([
    ['in its first INSERT', 1],
    ['in a later INSERT', ROWS_PER_INSERT + 1],
  ])('undoes an append that fails half-way (%s) without failing or half-writing the appends committed with it', async (_, before) => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    const taken = event();
    await store.appendToStream('s-taken', [taken], { expectedRevision: 'no_stream' });
    // Three appends in one turn share one transaction; the middle one's last event reuses an id.
    const first = [event(), event()];
    const halfWay = [...Array.from({ length: before }, () => event()), { ...event(), id: taken.id }];
    const last = [event()];
    const results = await Promise.allSettled([
      store.appendToStream('s-first', first, { expectedRevision: 'no_stream' }),
      store.appendToStream('s-half-way', halfWay, { expectedRevision: 'no_stream' }),
      store.appendToStream('s-last', last, { expectedRevision: 'no_stream' }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflictError);
    expect(await store.readStream('s-half-way')).toEqual([]);
    expect((await store.readStream('s-first')).map((e) => e.id)).toEqual(first.map((e) => e.id));
    expect((await store.readStream('s-last')).map((e) => e.id)).toEqual(last.map((e) => e.id));
    const all = await store.readAll();
    expect(all.events.map((e) => e.position)).toEqual([1, 2, 3, 4]); // nothing of the failed append, no gap
    await store.close();
  });

  it('refuses appends after close with a clear error', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await store.close();
    await expect(store.appendToStream('s', [event()], { expectedRevision: 'any' })).rejects.toThrow(/closed/);
  });
});
