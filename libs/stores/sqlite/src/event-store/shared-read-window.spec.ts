import type { EventEnvelope, EventFilter } from '@c360/kernel';
import type { EventRow } from './event-row';
import { SharedReadWindow } from './shared-read-window';

/** A log of rows in memory, with the SQL's filtering done the plain way for reference. */
function log(count: number, gapEvery = 0) {
  const rows: EventRow[] = [];
  let position = 0;
  for (let n = 0; n < count; n++) {
    position += gapEvery && n % gapEvery === 0 ? 2 : 1; // positions need not be contiguous
    rows.push({
      position,
      event_id: `e-${position}`,
      stream_id: `${['loyalty-', 'sales-order-', 'contacts-customer-'][n % 3]}${n % 17}`,
      revision: n,
      type: ['a', 'b', 'c', 'rare'][n % 97 === 0 ? 3 : n % 3],
      schema_version: 1,
      occurred_at: '2026-01-01T00:00:00.000Z',
      data: JSON.stringify({ n }),
      metadata: '{}',
    });
  }
  let reads = 0;
  const readRows = (after: number, head: number, limit: number) => {
    reads++;
    return rows.filter((row) => row.position > after && row.position <= head).slice(0, limit);
  };
  const expected = (filter: EventFilter | undefined, head: number) =>
    rows
      .filter((row) => row.position <= head)
      .filter((row) => !filter?.eventTypes || filter.eventTypes.includes(row.type))
      .filter((row) => !filter?.streamPrefixes || filter.streamPrefixes.some((prefix) => row.stream_id.startsWith(prefix)))
      .map((row) => row.position);
  return { rows, readRows, expected, reads: () => reads, head: () => rows[rows.length - 1].position };
}

/** Reads like a SubscriptionRunner: from its checkpoint, `limit` at a time, until the end. */
function drain(window: SharedReadWindow, head: number, filter: EventFilter | undefined, limit: number, from?: number) {
  const seen: number[] = [];
  let after = from;
  for (let guard = 0; guard < 10_000; guard++) {
    const slice = window.read(after, head, limit, filter);
    if (!slice) throw new Error(`reader at ${after} fell behind the window`);
    seen.push(...slice.events.map((event: EventEnvelope) => event.position));
    if (slice.lastPosition !== undefined) {
      expect(slice.lastPosition).toBeGreaterThanOrEqual(after ?? 0);
      after = slice.lastPosition;
    }
    if (slice.isEnd) return { seen, after };
  }
  throw new Error('never reached the end');
}

describe('SharedReadWindow', () => {
  const filters: Array<EventFilter | undefined> = [
    undefined,
    { eventTypes: ['a'] },
    { eventTypes: ['b', 'c'] },
    { streamPrefixes: ['loyalty-'] },
    { eventTypes: ['a', 'c'], streamPrefixes: ['sales-', 'contacts-'] },
    { eventTypes: ['rare'] },
  ];

  it.each(filters.map((filter) => [JSON.stringify(filter ?? 'everything'), filter]))(
    'gives a reader with filter %s exactly what the SQL filter would, in order, to the end',
    (_name, filter) => {
      const events = log(5_000, 7);
      const window = new SharedReadWindow(events.readRows, 1_000, 300);
      const { seen, after } = drain(window, events.head(), filter, 128);
      expect(seen).toEqual(events.expected(filter, events.head()));
      expect(after).toBe(events.head());
    },
  );

  it('serves readers that keep pace from one decoding: the rows are read once, not once per reader', () => {
    const events = log(4_000);
    const window = new SharedReadWindow(events.readRows, 2_000, 500);
    const sameDensity: EventFilter[] = [{ eventTypes: ['a'] }, { eventTypes: ['b'] }, { eventTypes: ['c'] }];
    const readers = sameDensity.map((filter) => ({ filter, after: undefined as number | undefined, seen: [] as number[], done: false }));
    while (readers.some((reader) => !reader.done)) {
      for (const reader of readers.filter((r) => !r.done)) {
        const slice = window.read(reader.after, events.head(), 30, reader.filter);
        if (!slice) throw new Error('fell behind');
        reader.seen.push(...slice.events.map((event) => event.position));
        reader.after = slice.lastPosition ?? reader.after;
        reader.done = slice.isEnd;
      }
    }
    for (const reader of readers) expect(reader.seen).toEqual(events.expected(reader.filter, events.head()));
    expect(events.reads()).toBe(4_000 / 500);
  });

  it('sends a reader behind the window back to SQL, and leaves the window where it is', () => {
    const events = log(3_000);
    const window = new SharedReadWindow(events.readRows, 500, 250);
    drain(window, events.head(), undefined, 100);
    expect(window.read(10, events.head(), 100, undefined)).toBeUndefined();
    expect(window.read(events.head() - 100, events.head(), 100, undefined)?.events).toHaveLength(100);
  });

  it('stops a sparse reader after a bounded scan and says how far it looked', () => {
    const events = log(10_000);
    const window = new SharedReadWindow(events.readRows, 8_000, 1_000);
    const slice = window.read(undefined, events.head(), 10, { eventTypes: ['nothing-matches'] });
    expect(slice?.events).toEqual([]);
    expect(slice?.isEnd).toBe(false);
    expect(slice?.lastPosition).toBe(1_000);
  });

  it('follows the head as the log grows, and reports the end honestly', () => {
    const events = log(1_000);
    const window = new SharedReadWindow(events.readRows, 400, 100);
    const first = drain(window, 600, { eventTypes: ['a'] }, 50);
    expect(first.seen).toEqual(events.expected({ eventTypes: ['a'] }, 600));
    const rest = drain(window, events.head(), { eventTypes: ['a'] }, 50, first.after);
    expect([...first.seen, ...rest.seen]).toEqual(events.expected({ eventTypes: ['a'] }, events.head()));
    expect(window.read(events.head(), events.head(), 50, undefined)).toEqual({ events: [], lastPosition: events.head(), isEnd: true });
  });
});
