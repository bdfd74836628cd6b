import { sampleEvents } from '@c360/contract-tests';
import { CorruptEventError, StreamDeletedError, TransientStoreError } from '@c360/kernel';
import { StreamDeletedError as EsdbStreamDeletedError, StreamNotFoundError, UnavailableError } from '@eventstore/db-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEsdbClient, at, recorded } from './testing/fake-esdb-client';

const STREAM = 'sales-deal-9';

describe('EventStoreDbEventStore reads (scripted client)', () => {
  let client: FakeEsdbClient;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    client = new FakeEsdbClient();
    store = new EventStoreDbEventStore(client, { allPageSize: 50 });
  });
  afterEach(() => expect(client.unused()).toEqual({ appendToStream: 0, readStream: 0, readAll: 0, subscribeToAll: 0 }));

  describe('a stream', () => {
    it('reads a missing stream as empty, at revision -1', async () => {
      client.script(
        'readStream',
        { throws: new StreamNotFoundError(undefined, STREAM) },
        { throws: new StreamNotFoundError(undefined, STREAM) },
      );
      expect(await store.readStream(STREAM)).toEqual([]);
      expect(await store.streamRevision(STREAM)).toBe(-1);
    });

    it('asks for the revision, direction and count the reader wants, and decodes envelopes', async () => {
      const events = [
        recorded({ streamId: STREAM, revision: 3, position: 900 }),
        recorded({ streamId: STREAM, revision: 4, position: 1_000 }),
      ];
      client.script('readStream', { returns: events }, { returns: [...events].reverse() }, { returns: [events[1]] });
      const forwards = await store.readStream(STREAM, { fromRevision: 3, maxCount: 2 });
      expect(forwards.map((event) => [event.revision, event.position])).toEqual([
        [3, 900],
        [4, 1_000],
      ]);
      expect(forwards[0]).toMatchObject({
        id: events[0].id,
        streamId: STREAM,
        type: 'test.thing-happened',
        schemaVersion: 1,
        data: { n: 3 },
      });
      await store.readStream(STREAM, { direction: 'backwards' });
      expect(await store.streamRevision(STREAM)).toBe(4);
      expect(client.callsTo('readStream').map((call) => call.request)).toEqual([
        { direction: 'forwards', fromRevision: 3n, maxCount: 2 },
        { direction: 'backwards', fromRevision: 'end', maxCount: Number.MAX_SAFE_INTEGER },
        { direction: 'backwards', fromRevision: 'end', maxCount: 1 },
      ]);
    });

    it('refuses negative revisions and counts without asking the server', async () => {
      await expect(store.readStream(STREAM, { fromRevision: -1 })).rejects.toThrow(/fromRevision/);
      await expect(store.readStream(STREAM, { maxCount: 1.5 })).rejects.toThrow(/maxCount/);
      expect(await store.readStream(STREAM, { maxCount: 0 })).toEqual([]);
      expect(client.calls).toEqual([]);
    });

    it('learns the ids it reads, so an append right after needs no read of its own', async () => {
      const written = sampleEvents(1)[0];
      client
        .script('readStream', {
          returns: [recorded({ streamId: STREAM, revision: 0, position: 100 }), recorded({ streamId: STREAM, revision: 1, position: 200 })],
        })
        .script('appendToStream', { returns: { nextExpectedRevision: 2n, position: at(300) } });
      await store.readStream(STREAM, { fromRevision: 0, maxCount: 1_000 });
      await store.appendToStream(STREAM, [written], { expectedRevision: 1 });
      expect(client.callsTo('readStream')).toHaveLength(1);
    });

    it('translates a deleted stream, an unreachable server and corrupt events', async () => {
      client
        .script('readStream', { throws: EsdbStreamDeletedError.fromStreamName(STREAM) })
        .script('readStream', { throws: new UnavailableError() })
        .script('readStream', { returns: [recorded({ streamId: STREAM, revision: 0, position: 100, metadata: new Uint8Array([1]) })] });
      await expect(store.readStream(STREAM)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.readStream(STREAM)).rejects.toBeInstanceOf(TransientStoreError);
      await expect(store.readStream(STREAM)).rejects.toBeInstanceOf(CorruptEventError);
    });
  });

  describe('$all', () => {
    const ours = (revision: number, position: number, type = 'sales.deal-won') => recorded({ streamId: STREAM, revision, position, type });
    const other = (position: number) => recorded({ streamId: 'tickets-ticket-1', revision: position, position, type: 'tickets.opened' });
    const system = (position: number) => recorded({ streamId: '$$sales-deal-9', revision: 0, position, type: '$metadata', metadata: {} });

    it('reads from the start, skipping system events, and says when it reached the end', async () => {
      client.script('readAll', { returns: [system(50), ours(0, 100), ours(1, 200)] });
      const slice = await store.readAll({ maxCount: 10 });
      expect(slice.events.map((event) => event.position)).toEqual([100, 200]);
      expect(slice).toMatchObject({ lastPosition: 200, isEnd: true });
      expect(client.callsTo('readAll')[0].request).toEqual({ direction: 'forwards', fromPosition: 'start', maxCount: 11 });
    });

    it('reads strictly after a checkpoint: the read starts at it, and the event there is not returned again', async () => {
      client.script('readAll', { returns: [ours(1, 200), ours(2, 300)] });
      const slice = await store.readAll({ after: 200, maxCount: 10 });
      expect(slice.events.map((event) => event.revision)).toEqual([2]);
      expect(client.callsTo('readAll')[0].request.fromPosition).toEqual(at(200));
    });

    it('filters by type and stream prefix, and its lastPosition passes what it skipped', async () => {
      client.script('readAll', { returns: [ours(0, 100), other(200), ours(1, 300, 'sales.deal-lost'), other(400), system(500)] });
      const slice = await store.readAll({ filter: { eventTypes: ['sales.deal-won'], streamPrefixes: ['sales-'] }, maxCount: 10 });
      expect(slice.events.map((event) => event.position)).toEqual([100]);
      expect(slice).toMatchObject({ lastPosition: 500, isEnd: true });
      // Filtered reads page wider: most of what they scan is not returned.
      expect(client.callsTo('readAll')[0].request.maxCount).toBe(51);
    });

    it('stops at maxCount, and knows whether that was the end', async () => {
      client.script('readAll', { returns: [ours(0, 100), ours(1, 200), ours(2, 300)] }, { returns: [ours(0, 100), ours(1, 200)] });
      expect(await store.readAll({ maxCount: 2 })).toMatchObject({ lastPosition: 200, isEnd: false });
      const atEnd = await store.readAll({ maxCount: 2 });
      expect(atEnd).toMatchObject({ lastPosition: 200, isEnd: true });
      expect(atEnd.events).toHaveLength(2);
    });

    it('pages on from the last event it looked at', async () => {
      client
        .script('readAll', { returns: [system(100), system(200), system(300)] })
        .script('readAll', { returns: [system(300), ours(0, 400), ours(1, 500)] });
      const slice = await store.readAll({ maxCount: 2 });
      expect(slice.events.map((event) => event.position)).toEqual([400, 500]);
      expect(slice).toMatchObject({ lastPosition: 500, isEnd: false });
      expect(client.callsTo('readAll').map((call) => call.request.fromPosition)).toEqual(['start', at(300)]);
    });

    it('pages a filtered read on past pages with nothing to return, until the end', async () => {
      const unmatched = Array.from({ length: 51 }, (_, index) => other(100 * (index + 1)));
      client.script('readAll', { returns: unmatched }, { returns: [unmatched[50], ours(0, 5_200)] });
      const slice = await store.readAll({ filter: { streamPrefixes: ['sales-'] }, maxCount: 2 });
      expect(slice.events.map((event) => event.position)).toEqual([5_200]);
      expect(slice).toMatchObject({ lastPosition: 5_200, isEnd: true });
      expect(client.callsTo('readAll').map((call) => call.request.fromPosition)).toEqual(['start', at(5_100)]);
    });

    it('keeps `after` as lastPosition when there is nothing new', async () => {
      client.script('readAll', { returns: [ours(3, 700)] });
      expect(await store.readAll({ after: 700 })).toEqual({ events: [], lastPosition: 700, isEnd: true });
    });

    it('reports the head of the log, and pings with a short deadline', async () => {
      client.script(
        'readAll',
        { returns: [system(900)] },
        { returns: [] },
        { returns: [ours(0, 100)] },
        { throws: new UnavailableError() },
      );
      expect(await store.headPosition()).toBe(900);
      expect(await store.headPosition()).toBeUndefined();
      await store.ping();
      await expect(store.ping()).rejects.toBeInstanceOf(TransientStoreError);
      expect(client.callsTo('readAll')[2].request).toEqual({ direction: 'backwards', fromPosition: 'end', maxCount: 1, deadlineMs: 3_000 });
    });
  });

  it('refuses calls after close, and disposes the client once', async () => {
    await store.close();
    await store.close();
    expect(client.disposed).toBe(true);
    await expect(store.readStream(STREAM)).rejects.toThrow(/closed/);
  });
});
