import { sampleEvents } from '@c360/contract-tests';
import { AppendTooLargeError, TransientStoreError, type NewEvent } from '@c360/kernel';
import { AccessDeniedError, StreamNotFoundError } from '@eventstore/db-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { appendSize } from './mapping/append-size';
import { encodeNewEvents } from './mapping/event-codec';
import { cancelledRead, maxAppendSizeExceeded, streamReset, unknownStatus } from './testing/esdb-faults';
import { FakeEsdbClient, at, recorded, storedAs } from './testing/fake-esdb-client';

/** Faults a real EventStoreDB produces routinely (issue 22), scripted with the real client's errors. */
const STREAM = 'loyalty-account-22';
const notFound = () => ({ throws: new StreamNotFoundError(undefined, STREAM) });
const stored = (events: readonly NewEvent[], firstRevision: number, firstPosition: number) =>
  encodeNewEvents(STREAM, events).map((event, index) => storedAs(event, STREAM, firstRevision + index, firstPosition + index * 100));

/** Whether a promise has settled, without waiting for it (fake timers decide when time passes). */
function track<T>(promise: Promise<T>): { settled: () => boolean; result: Promise<T> } {
  let settled = false;
  const result = promise.finally(() => (settled = true));
  result.catch(() => undefined);
  return { settled: () => settled, result };
}

describe('EventStoreDbEventStore under routine server faults (scripted client)', () => {
  let client: FakeEsdbClient;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    client = new FakeEsdbClient();
    store = new EventStoreDbEventStore(client);
  });
  afterEach(() => {
    jest.useRealTimers();
    expect(client.unused()).toEqual({ appendToStream: 0, readStream: 0, readAll: 0, subscribeToAll: 0 });
  });

  describe('stream resets (gRPC 13 "Stream removed", 2) arrive as UnknownError', () => {
    it('an append hit by a reset is transient, may have been written, and its retry finds the batch by its ids', async () => {
      const batch = sampleEvents(2);
      client.script('readStream', notFound()).script('appendToStream', { throws: streamReset() });
      await expect(store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(TransientStoreError);

      // It was written. The cached revision was forgotten: the retry reads the stream and finds it.
      client.script('readStream', { returns: stored(batch, 0, 500) }, { returns: stored(batch, 0, 500).slice(1) });
      await expect(store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' })).resolves.toEqual({
        nextExpectedRevision: 1,
        position: 600,
        duplicate: true,
      });
      expect(client.callsTo('appendToStream')).toHaveLength(1);
    });

    it('a read hit by gRPC UNKNOWN (2) is transient; access denied stays fatal', async () => {
      client.script('readStream', { throws: unknownStatus() }, { throws: new AccessDeniedError() });
      await expect(store.readStream(STREAM)).rejects.toBeInstanceOf(TransientStoreError);
      await expect(store.readStream(STREAM)).rejects.toBeInstanceOf(AccessDeniedError);
    });
  });

  describe('time limits of its own (the client reads with deadline: Infinity)', () => {
    beforeEach(() => {
      jest.useFakeTimers();
      store = new EventStoreDbEventStore(client, { pingDeadlineMs: 3_000, readDeadlineMs: 10_000, appendDeadlineMs: 15_000 });
    });

    it('ping gives up on a stalled node after pingDeadlineMs, and cancels the read', async () => {
      client.script('readAll', { hangs: true });
      const ping = track(store.ping());
      await jest.advanceTimersByTimeAsync(2_999);
      expect(ping.settled()).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(ping.settled()).toBe(true);
      await expect(ping.result).rejects.toBeInstanceOf(TransientStoreError);
      expect(client.abandoned).toBe(1);
    });

    it('headPosition, stream reads, $all reads and the read before an append give up after readDeadlineMs', async () => {
      client.script('readAll', { hangs: true }, { hangs: true }).script('readStream', { hangs: true }, { hangs: true });
      const calls = [
        track(store.headPosition()),
        track(store.readAll({})),
        track(store.readStream(STREAM)),
        track(store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'no_stream' })),
      ];
      await jest.advanceTimersByTimeAsync(10_000);
      expect(calls.map((call) => call.settled())).toEqual([true, true, true, true]);
      for (const call of calls) await expect(call.result).rejects.toBeInstanceOf(TransientStoreError);
      expect(client.abandoned).toBe(4);
    });

    it('an append that gets no answer is transient and forgets the stream: it may have been written', async () => {
      client.script('readStream', notFound()).script('appendToStream', { hangs: true });
      const append = track(store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'no_stream' }));
      await jest.advanceTimersByTimeAsync(15_000);
      await expect(append.result).rejects.toBeInstanceOf(TransientStoreError);
      client.script('readStream', notFound()).script('appendToStream', { returns: { nextExpectedRevision: 0n, position: at(100) } });
      await store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'no_stream' });
      expect(client.callsTo('readStream')).toHaveLength(2);
    });
  });

  it('a read cut off before its OK status is an error, never a short page', async () => {
    client.script('readAll', { throws: cancelledRead() });
    await expect(store.readAll({ maxCount: 10 })).rejects.toBeInstanceOf(TransientStoreError);
  });

  it('a filtered $all read pages on past 100,000 unmatched events until it finds its match', async () => {
    // Pages of 1,001 (1,000 and one to tell the end), each starting with the last event of the one before.
    let position = 0;
    const other = () => recorded({ streamId: 'tickets-ticket-1', revision: 0, position: (position += 100), type: 'tickets.opened' });
    let previous = other();
    for (let page = 0; page < 101; page++) {
      const events = [previous, ...Array.from({ length: 1_000 }, other)];
      previous = events[events.length - 1];
      client.script('readAll', { returns: events });
    }
    const match = recorded({ streamId: 'sales-deal-1', revision: 0, position: position + 100 });
    client.script('readAll', { returns: [previous, match] });
    const slice = await store.readAll({ filter: { streamPrefixes: ['sales-'] }, maxCount: 10 });
    expect(slice.events.map((event) => event.id)).toEqual([match.id]);
    expect(slice.isEnd).toBe(true);
  });

  describe("appends over the server's MaxAppendSize (1 MiB: data + metadata + 2 × type)", () => {
    const big = (kilobytes: number): NewEvent => ({ ...sampleEvents(1)[0], data: { text: 'x'.repeat(kilobytes * 1_024) } });

    it('refuses one append over the limit with AppendTooLargeError naming it, before sending anything', async () => {
      const attempt = store.appendToStream(STREAM, [big(600), big(600)], { expectedRevision: 'no_stream' });
      await expect(attempt).rejects.toBeInstanceOf(AppendTooLargeError);
      await expect(attempt).rejects.toMatchObject({ streamId: STREAM, maxAppendSize: 1_048_576 });
      expect(client.calls).toEqual([]);
    });

    it("translates the server's MaxAppendSizeExceededError (a server with a smaller limit) and keeps its limit", async () => {
      client.script('readStream', notFound()).script('appendToStream', { throws: maxAppendSizeExceeded(65_536) });
      const attempt = store.appendToStream(STREAM, [big(100)], { expectedRevision: 'no_stream' });
      await expect(attempt).rejects.toBeInstanceOf(AppendTooLargeError);
      await expect(attempt).rejects.toMatchObject({ maxAppendSize: 65_536 });
    });

    it('imports a history larger than the limit in chained appends under it, each expecting the revision the one before left', async () => {
      const history = [big(1), big(1), big(1), big(1), big(1)];
      const twoEvents = appendSize(encodeNewEvents(STREAM, history.slice(0, 2)));
      store = new EventStoreDbEventStore(client, { maxAppendSize: twoEvents });
      client
        .script('readStream', notFound())
        .script(
          'appendToStream',
          { returns: { nextExpectedRevision: 1n, position: at(200) } },
          { returns: { nextExpectedRevision: 3n, position: at(400) } },
          { returns: { nextExpectedRevision: 4n, position: at(500) } },
        );
      await expect(store.importStream(STREAM, history, { expectedRevision: 'no_stream' })).resolves.toEqual({
        nextExpectedRevision: 4,
        position: 500,
        duplicate: false,
        appends: 3,
      });
      const appends = client.callsTo('appendToStream');
      expect(appends.map((call) => [call.events.length, call.expectedRevision])).toEqual([
        [2, 'no_stream'],
        [2, 1n],
        [1, 3n],
      ]);
      expect(appends.map((call) => appendSize(call.events) <= twoEvents)).toEqual([true, true, true]);
    });

    it('refuses an import with one event over the limit on its own, sending nothing', async () => {
      await expect(store.importStream(STREAM, [big(1), big(1_100)], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        AppendTooLargeError,
      );
      expect(client.calls).toEqual([]);
    });
  });
});
