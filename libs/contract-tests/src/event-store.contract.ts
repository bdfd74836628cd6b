import {
  IdempotencyConflictError,
  NO_STREAM_REVISION,
  WrongExpectedRevisionError,
  type EventEnvelope,
  type EventStore,
} from '@c360/kernel';
import { sampleEvent, sampleEvents, uniquePrefix } from './sample-events';

/** How a suite gets stores: `open` a fresh one, `reopen` a new instance over the same data. */
export interface EventStoreHarness {
  open(): Promise<{ store: EventStore; reopen(): Promise<EventStore>; dispose(): Promise<void> }>;
}

/**
 * The one contract every EventStore adapter passes. Every test works in streams with a unique
 * prefix and filters `$all` by it, so the suite can run against a shared EventStoreDB.
 */
export function eventStoreContract(adapter: string, harness: EventStoreHarness): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    let reopen: () => Promise<EventStore>;
    let dispose: () => Promise<void>;
    let prefix: string;
    const extraStores: EventStore[] = [];

    beforeEach(async () => {
      ({ store, reopen, dispose } = await harness.open());
      prefix = uniquePrefix('stream');
    });
    afterEach(async () => {
      for (const extra of extraStores.splice(0)) await extra.close().catch(() => undefined);
      await dispose();
    });

    const stream = (name: string) => `${prefix}-${name}`;
    const readMine = async (after?: number): Promise<EventEnvelope[]> => {
      const events: EventEnvelope[] = [];
      let cursor = after;
      for (;;) {
        const slice = await store.readAll({ after: cursor, maxCount: 100, filter: { streamPrefixes: [prefix] } });
        events.push(...slice.events);
        cursor = slice.lastPosition;
        if (slice.isEnd) return events;
      }
    };

    describe('appending and reading a stream', () => {
      it('stores events with their envelope and reads them back in order', async () => {
        const events = sampleEvents(3);
        const result = await store.appendToStream(stream('a'), events, { expectedRevision: 'no_stream' });
        expect(result).toMatchObject({ nextExpectedRevision: 2, duplicate: false });

        const read = await store.readStream(stream('a'));
        expect(read.map((event) => event.revision)).toEqual([0, 1, 2]);
        read.forEach((event, index) => {
          expect(event).toMatchObject({
            id: events[index].id,
            type: events[index].type,
            schemaVersion: 1,
            streamId: stream('a'),
            occurredAt: events[index].occurredAt,
            data: events[index].data,
            metadata: events[index].metadata,
          });
        });
        expect(read[2].position).toBe(result.position);
        expect(await store.streamRevision(stream('a'))).toBe(2);
      });

      it('keeps unicode and nested data intact', async () => {
        const data = { text: 'Ünïcödé ✓ 中文 🥊', deep: { a: [1, { b: null }], flag: false, big: 9007199254740991 } };
        await store.appendToStream(stream('u'), [sampleEvent({ data })], { expectedRevision: 'no_stream' });
        expect((await store.readStream(stream('u')))[0].data).toEqual(data);
      });

      it('reads a missing stream as empty with revision -1', async () => {
        expect(await store.readStream(stream('missing'))).toEqual([]);
        expect(await store.streamRevision(stream('missing'))).toBe(NO_STREAM_REVISION);
      });

      it('reads from a revision, backwards and with a maximum count', async () => {
        await store.appendToStream(stream('r'), sampleEvents(5), { expectedRevision: 'no_stream' });
        expect((await store.readStream(stream('r'), { fromRevision: 3 })).map((e) => e.revision)).toEqual([3, 4]);
        expect((await store.readStream(stream('r'), { maxCount: 2 })).map((e) => e.revision)).toEqual([0, 1]);
        expect((await store.readStream(stream('r'), { direction: 'backwards', maxCount: 2 })).map((e) => e.revision)).toEqual([4, 3]);
        expect((await store.readStream(stream('r'), { direction: 'backwards', fromRevision: 1 })).map((e) => e.revision)).toEqual([1, 0]);
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses no_stream when the stream exists, and writes nothing', async () => {
        await store.appendToStream(stream('c'), sampleEvents(1), { expectedRevision: 'no_stream' });
        const attempt = store.appendToStream(stream('c'), sampleEvents(1), { expectedRevision: 'no_stream' });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ streamId: stream('c'), actual: 0 });
        expect(await store.readStream(stream('c'))).toHaveLength(1);
      });

      it('refuses a stale exact revision and accepts the current one', async () => {
        await store.appendToStream(stream('e'), sampleEvents(2), { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream('e'), sampleEvents(1), { expectedRevision: 0 })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        const ok = await store.appendToStream(stream('e'), sampleEvents(1), { expectedRevision: 1 });
        expect(ok.nextExpectedRevision).toBe(2);
      });

      it('checks stream_exists and lets any through', async () => {
        await expect(store.appendToStream(stream('x'), sampleEvents(1), { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await store.appendToStream(stream('x'), sampleEvents(1), { expectedRevision: 'any' });
        const ok = await store.appendToStream(stream('x'), sampleEvents(1), { expectedRevision: 'stream_exists' });
        expect(ok.nextExpectedRevision).toBe(1);
      });

      it('lets exactly one of many concurrent writers at the same revision win', async () => {
        await store.appendToStream(stream('race'), sampleEvents(1), { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.appendToStream(stream('race'), sampleEvents(2), { expectedRevision: 0 })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const failed of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
          expect(failed.reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
        expect(await store.readStream(stream('race'))).toHaveLength(3);
      });
    });

    describe('idempotent appends', () => {
      it('treats the same batch appended again as a duplicate and stores it once', async () => {
        const batch = sampleEvents(2);
        const first = await store.appendToStream(stream('i'), batch, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(stream('i'), batch, { expectedRevision: 'no_stream' });
        expect(again).toEqual({ ...first, duplicate: true });
        expect(await store.readStream(stream('i'))).toHaveLength(2);
      });

      it('recognises a duplicate after later appends, with any expected revision', async () => {
        const batch = sampleEvents(2);
        await store.appendToStream(stream('j'), batch, { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('j'), sampleEvents(1), { expectedRevision: 1 });
        const again = await store.appendToStream(stream('j'), batch, { expectedRevision: 'any' });
        expect(again.duplicate).toBe(true);
        expect(await store.readStream(stream('j'))).toHaveLength(3);
      });

      it('refuses a batch that reuses only some ids', async () => {
        const batch = sampleEvents(2);
        await store.appendToStream(stream('k'), batch, { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream('k'), [batch[1], sampleEvent()], { expectedRevision: 1 })).rejects.toBeInstanceOf(
          IdempotencyConflictError,
        );
        expect(await store.readStream(stream('k'))).toHaveLength(2);
      });
    });

    describe('bad input', () => {
      it('refuses an event without a UUID id, naming the field, and writes nothing', async () => {
        const bad = sampleEvent({ id: 'not-a-uuid' });
        await expect(store.appendToStream(stream('b'), [sampleEvent(), bad], { expectedRevision: 'any' })).rejects.toThrow(
          /events\[1\]\.id/,
        );
        expect(await store.readStream(stream('b'))).toEqual([]);
      });

      it('refuses an invalid expected revision and an empty batch', async () => {
        await expect(store.appendToStream(stream('b'), sampleEvents(1), { expectedRevision: -3 as unknown as 'any' })).rejects.toThrow(
          /expectedRevision/,
        );
        await expect(store.appendToStream(stream('b'), [], { expectedRevision: 'any' })).rejects.toThrow(/Nothing to append/);
      });
    });

    describe('$all', () => {
      it('orders every event by a strictly increasing position, each stream in revision order', async () => {
        await Promise.all(
          ['p', 'q', 'r'].map(async (name) => {
            for (let i = 0; i < 4; i++) {
              await store.appendToStream(stream(name), sampleEvents(2), { expectedRevision: i === 0 ? 'no_stream' : i * 2 - 1 });
            }
          }),
        );
        const all = await readMine();
        expect(all).toHaveLength(24);
        for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
        for (const name of ['p', 'q', 'r']) {
          const revisions = all.filter((e) => e.streamId === stream(name)).map((e) => e.revision);
          expect(revisions).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
        }
      });

      it('pages with `after` without gaps or repeats', async () => {
        await store.appendToStream(stream('page'), sampleEvents(25), { expectedRevision: 'no_stream' });
        const seen: number[] = [];
        let after: number | undefined;
        for (;;) {
          const slice = await store.readAll({ after, maxCount: 7, filter: { streamPrefixes: [prefix] } });
          seen.push(...slice.events.map((e) => e.revision));
          after = slice.lastPosition;
          if (slice.isEnd) break;
        }
        expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
      });

      it('filters by event type and stream prefix, and still advances past what it skipped', async () => {
        await store.appendToStream(stream('f1'), sampleEvents(3, 'contract.kept'), { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('f2'), sampleEvents(3, 'contract.dropped'), { expectedRevision: 'no_stream' });
        const first = await store.readAll({ filter: { streamPrefixes: [prefix], eventTypes: ['contract.kept'] }, maxCount: 100 });
        expect(first.events.map((e) => e.type)).toEqual(['contract.kept', 'contract.kept', 'contract.kept']);
        expect(first.isEnd).toBe(true);
        const lastDropped = (await store.readStream(stream('f2'))).at(-1)!;
        expect(first.lastPosition).toBeGreaterThanOrEqual(lastDropped.position);

        const byStream = await store.readAll({ filter: { streamPrefixes: [stream('f2')] }, maxCount: 100 });
        expect(byStream.events.map((e) => e.streamId)).toEqual([stream('f2'), stream('f2'), stream('f2')]);
      });

      it('reports the head position', async () => {
        const result = await store.appendToStream(stream('h'), sampleEvents(2), { expectedRevision: 'no_stream' });
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers stored events, then live ones, in order', async () => {
        await store.appendToStream(stream('s'), sampleEvents(3), { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] }, maxCount: 2, pollIntervalMs: 20 });
        const received: EventEnvelope[] = [];
        const done = (async () => {
          for await (const slice of subscription) {
            received.push(...slice.events);
            if (received.length >= 5) break;
          }
        })();
        await store.appendToStream(stream('s'), sampleEvents(2), { expectedRevision: 2 });
        await done;
        await subscription.close();
        expect(received.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      });

      it('resumes after a restart from a checkpoint, with nothing lost and nothing repeated', async () => {
        await store.appendToStream(stream('t'), sampleEvents(4), { expectedRevision: 'no_stream' });
        const firstRun = store.subscribeToAll({ filter: { streamPrefixes: [prefix] }, maxCount: 2 });
        let checkpoint: number | undefined;
        const seen: number[] = [];
        for await (const slice of firstRun) {
          seen.push(...slice.events.map((e) => e.revision));
          checkpoint = slice.lastPosition;
          if (seen.length >= 2) break;
        }
        await firstRun.close();
        await store.appendToStream(stream('t'), sampleEvents(2), { expectedRevision: 3 });

        const restarted = await reopen();
        extraStores.push(restarted);
        const secondRun = restarted.subscribeToAll({ after: checkpoint, filter: { streamPrefixes: [prefix] }, pollIntervalMs: 20 });
        for await (const slice of secondRun) {
          seen.push(...slice.events.map((e) => e.revision));
          if (seen.length >= 6) break;
        }
        await secondRun.close();
        expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
      });

      it('ends its iteration when closed while waiting for events', async () => {
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [prefix] }, pollIntervalMs: 10_000 });
        const iteration = (async () => {
          let slices = 0;
          for await (const _slice of subscription) slices++;
          return slices;
        })();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();
        await expect(iteration).resolves.toBeGreaterThanOrEqual(0);
      });
    });
  });
}
