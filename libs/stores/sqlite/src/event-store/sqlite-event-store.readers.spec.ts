import { streamsAtPositionsByReading, uuidv7, type EventFilter, type NewEvent } from '@c360/kernel';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const event = (type: string): NewEvent => ({
  id: uuidv7(),
  type,
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: { type },
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'test', role: 'system' } },
});

describe('SqliteEventStore with many $all readers at different speeds', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'c360-readers-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every reader exactly the events its filter selects, whether the shared window or SQL answers it', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file });
    for (let stream = 0; stream < 60; stream++) {
      const prefix = ['loyalty-', 'sales-order-', 'tickets-'][stream % 3];
      await store.appendToStream(
        `${prefix}${stream}`,
        Array.from({ length: 250 }, (_, n) => event(['x', 'y', 'z', n % 50 === 0 ? 'rare' : 'x'][n % 4])),
        { expectedRevision: 'no_stream' },
      );
    }
    const readers: Array<{ filter?: EventFilter; limit: number }> = [
      { limit: 1_000 },
      { filter: { eventTypes: ['x'] }, limit: 7 },
      { filter: { eventTypes: ['y', 'z'] }, limit: 300 },
      { filter: { eventTypes: ['rare'] }, limit: 2 },
      { filter: { streamPrefixes: ['tickets-'] }, limit: 50 },
      { filter: { eventTypes: ['x'], streamPrefixes: ['loyalty-', 'sales-'] }, limit: 500 },
    ];
    const state = readers.map(() => ({ after: undefined as number | undefined, seen: [] as number[], done: false }));
    while (state.some((reader) => !reader.done)) {
      for (const [index, reader] of state.entries()) {
        if (reader.done) continue;
        const slice = await store.readAll({ after: reader.after, maxCount: readers[index].limit, filter: readers[index].filter });
        reader.seen.push(...slice.events.map((e) => e.position));
        reader.after = slice.lastPosition ?? reader.after;
        reader.done = slice.isEnd;
      }
    }
    await store.close();

    const raw = new Database(file, { readonly: true });
    for (const [index, { filter }] of readers.entries()) {
      const rows = raw.prepare('SELECT position, type, stream_id FROM events ORDER BY position').all() as Array<{
        position: number;
        type: string;
        stream_id: string;
      }>;
      const expected = rows
        .filter((row) => !filter?.eventTypes || filter.eventTypes.includes(row.type))
        .filter((row) => !filter?.streamPrefixes || filter.streamPrefixes.some((prefix) => row.stream_id.startsWith(prefix)))
        .map((row) => row.position);
      expect({ reader: index, seen: state[index].seen }).toEqual({ reader: index, seen: expected });
    }
    raw.close();
  });

  it('reads the whole streams of events at given positions in one go, as reading them one by one does', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'streams.db') });
    for (let round = 0; round < 3; round++) {
      for (let stream = 0; stream < 400; stream++) {
        await store.appendToStream(`s-${stream}`, [event('x'), event('y')], {
          expectedRevision: round === 0 ? 'no_stream' : round * 2 - 1,
        });
      }
    }
    const head = (await store.headPosition()) ?? 0;
    // 700 positions (more than one query's worth), several in the same stream, some past the cut-off.
    const positions = Array.from({ length: 700 }, (_, n) => 1 + ((n * 7) % head));
    const until = head - 300;
    const fast = await store.readStreamsAt(positions, until);
    const slow = await streamsAtPositionsByReading(store).readStreamsAt(positions, until);
    expect(fast.length).toBeGreaterThan(1_000);
    expect(fast.map((e) => e.position)).toEqual(slow.map((e) => e.position));
    expect(fast).toEqual(slow);
    expect(Math.max(...fast.map((e) => e.position))).toBeLessThanOrEqual(until);
    await store.close();
  });
});
