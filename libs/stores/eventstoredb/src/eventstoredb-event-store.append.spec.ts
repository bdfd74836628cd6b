import { sampleEvents } from '@c360/contract-tests';
import {
  IdempotencyConflictError,
  StreamDeletedError,
  TransientStoreError,
  WrongExpectedRevisionError,
  deriveEventId,
  type ExpectedRevision,
  type NewEvent,
} from '@c360/kernel';
import {
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { encodeNewEvents } from './mapping/event-codec';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEsdbClient, at, recorded, storedAs } from './testing/fake-esdb-client';

const STREAM = 'loyalty-account-7';
const notFound = () => ({ throws: new StreamNotFoundError(undefined, STREAM) });
const wrongVersion = (current: bigint | 'no_stream') => ({
  throws: new WrongExpectedVersionError(undefined, { streamName: STREAM, expected: 'any', current }),
});
/** The events as the server hands them back after storing them at `firstRevision`, 100 bytes apart. */
const stored = (events: readonly NewEvent[], firstRevision: number, firstPosition: number) =>
  encodeNewEvents(STREAM, events).map((event, index) => storedAs(event, STREAM, firstRevision + index, firstPosition + index * 100));

describe('EventStoreDbEventStore appends (scripted client)', () => {
  let client: FakeEsdbClient;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    client = new FakeEsdbClient();
    store = new EventStoreDbEventStore(client);
  });
  afterEach(() => expect(client.unused()).toEqual({ appendToStream: 0, readStream: 0, readAll: 0, subscribeToAll: 0 }));

  it.each<[ExpectedRevision, unknown]>([
    [4, 4n],
    ['no_stream', 'no_stream'],
    ['stream_exists', 'stream_exists'],
    ['any', 'any'],
  ])('sends expected revision %p as %p', async (expected, sent) => {
    client.script('readStream', notFound()).script('appendToStream', { returns: { nextExpectedRevision: 5n, position: at(500) } });
    await store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: expected });
    expect(client.callsTo('appendToStream')[0].expectedRevision).toEqual(sent);
  });

  it('reads an unknown stream once for its ids, then writes without reading while the stream is where the writer expects', async () => {
    client.script('readStream', notFound()).script(
      'appendToStream',
      // Three events in one write: prepare is where the batch began, commit is its last event.
      { returns: { nextExpectedRevision: 2n, position: { commit: 700n, prepare: 500n } } },
      { returns: { nextExpectedRevision: 3n, position: at(800) } },
    );
    const first = await store.appendToStream(STREAM, sampleEvents(3), { expectedRevision: 'no_stream' });
    expect(first).toEqual({ nextExpectedRevision: 2, position: 700, duplicate: false });
    const second = await store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 2 });
    expect(second).toEqual({ nextExpectedRevision: 3, position: 800, duplicate: false });

    expect(client.callsTo('readStream')).toEqual([
      { method: 'readStream', streamId: STREAM, request: { direction: 'forwards', fromRevision: 0n, maxCount: 1_000 } },
    ]);
    const sent = client.callsTo('appendToStream')[0];
    expect(sent.events).toHaveLength(3);
    expect(sent.events[0]).toMatchObject({ type: 'contract.thing-happened', metadata: { schemaVersion: 1 } });
  });

  it('answers the same batch appended again as a duplicate, with the original revision and position, writing nothing', async () => {
    const batch = sampleEvents(2);
    client
      .script('readStream', notFound())
      .script('appendToStream', { returns: { nextExpectedRevision: 1n, position: { commit: 600n, prepare: 500n } } });
    const first = await store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' });

    client
      .script('readStream', { returns: [] }) // catching up from revision 2: nothing new
      .script('readStream', { returns: stored(batch, 0, 500).slice(1) }); // the batch's last event, for its position
    const again = await store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(client.callsTo('appendToStream')).toHaveLength(1);
    expect(client.callsTo('readStream')[1].request.fromRevision).toBe(2n);
    expect(client.callsTo('readStream')[2].request).toEqual({ direction: 'forwards', fromRevision: 1n, maxCount: 1 });
  });

  it('recognises a batch whose acknowledgement was lost, instead of writing it twice', async () => {
    const batch = sampleEvents(2);
    client.script('readStream', notFound()).script('appendToStream', { throws: new UnavailableError() });
    await expect(store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(TransientStoreError);

    // The write did happen. The retry reads the stream again (what is known was forgotten) and finds it.
    client.script('readStream', { returns: stored(batch, 0, 500) }, { returns: stored(batch, 0, 500).slice(1) });
    const retried = await store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' });
    expect(retried).toEqual({ nextExpectedRevision: 1, position: 600, duplicate: true });
    expect(client.callsTo('appendToStream')).toHaveLength(1);
    expect(client.callsTo('readStream')[1].request.fromRevision).toBe(0n);
  });

  it('recognises a duplicate after later appends, with any expected revision', async () => {
    const batch = sampleEvents(2);
    client
      .script('readStream', { returns: [...stored(batch, 0, 500), recorded({ streamId: STREAM, revision: 2, position: 700 })] })
      .script('readStream', { returns: stored(batch, 0, 500).slice(1) });
    const again = await store.appendToStream(STREAM, batch, { expectedRevision: 'any' });
    expect(again).toEqual({ nextExpectedRevision: 1, position: 600, duplicate: true });
    expect(client.callsTo('appendToStream')).toHaveLength(0);
  });

  it('refuses a batch that reuses only some ids, writing nothing', async () => {
    const batch = sampleEvents(2);
    client.script('readStream', { returns: stored(batch, 0, 500) });
    const attempt = store.appendToStream(STREAM, [batch[1], ...sampleEvents(1)], { expectedRevision: 1 });
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(attempt).rejects.toMatchObject({ streamId: STREAM, eventId: batch[1].id });
    expect(client.callsTo('appendToStream')).toHaveLength(0);
  });

  it('reports a wrong expected version with the actual revision, after reading what the other writer wrote', async () => {
    client
      .script('readStream', notFound())
      .script('appendToStream', wrongVersion(5n))
      .script('readStream', {
        returns: Array.from({ length: 6 }, (_, revision) => recorded({ streamId: STREAM, revision, position: 100 * (revision + 1) })),
      });
    const attempt = store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'no_stream' });
    await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(attempt).rejects.toMatchObject({ streamId: STREAM, expected: 'no_stream', actual: 5 });
  });

  it('reports -1 as the actual revision of a stream that does not exist', async () => {
    client.script('readStream', notFound(), notFound()).script('appendToStream', wrongVersion('no_stream'));
    await expect(store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      actual: -1,
    });
  });

  it('treats a conflict caused by this very batch (stored by a retry elsewhere) as a duplicate', async () => {
    const batch = sampleEvents(1);
    client
      .script('readStream', notFound())
      .script('appendToStream', wrongVersion(0n))
      .script('readStream', { returns: stored(batch, 0, 500) }, { returns: stored(batch, 0, 500) });
    const result = await store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' });
    expect(result).toEqual({ nextExpectedRevision: 0, position: 500, duplicate: true });
  });

  it('reads the position back when the server answers an idempotent write without one', async () => {
    const batch = sampleEvents(2);
    client
      .script('readStream', notFound())
      .script('appendToStream', { returns: { nextExpectedRevision: 1n } })
      .script('readStream', { returns: stored(batch, 0, 500).slice(1) });
    const result = await store.appendToStream(STREAM, batch, { expectedRevision: 'no_stream' });
    expect(result).toEqual({ nextExpectedRevision: 1, position: 600, duplicate: true });
  });

  it('translates a deleted stream, whether found while reading or while writing', async () => {
    client.script('readStream', { throws: EsdbStreamDeletedError.fromStreamName(STREAM) });
    await expect(store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(StreamDeletedError);

    client.script('readStream', notFound()).script('appendToStream', { throws: EsdbStreamDeletedError.fromStreamName(STREAM) });
    await expect(store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'any' })).rejects.toMatchObject({
      name: 'StreamDeletedError',
      streamId: STREAM,
    });
  });

  it('refuses bad input before talking to the server', async () => {
    await expect(store.appendToStream(STREAM, [], { expectedRevision: 'any' })).rejects.toThrow(/Nothing to append/);
    await expect(store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: -3 as unknown as 'any' })).rejects.toThrow(
      /expectedRevision/,
    );
    await expect(
      store.appendToStream(STREAM, [...sampleEvents(1), { ...sampleEvents(1)[0], id: 'nope' }], { expectedRevision: 'any' }),
    ).rejects.toThrow(/events\[1\]\.id/);
    expect(client.calls).toEqual([]);
  });

  it('sends the event ids a command derived, so a retried command is the same batch', async () => {
    const commandId = '3f0b5c1e-8d2a-4b7c-9e1f-0a2b3c4d5e6f';
    const fromCommand = (): NewEvent[] => sampleEvents(2).map((event, index) => ({ ...event, id: deriveEventId(commandId, index) }));
    client.script('readStream', notFound()).script('appendToStream', { returns: { nextExpectedRevision: 1n, position: at(600) } });
    await store.appendToStream(STREAM, fromCommand(), { expectedRevision: 'no_stream' });
    const sentIds = client.callsTo('appendToStream')[0].events.map((event) => event.id);
    expect(sentIds).toEqual([deriveEventId(commandId, 0), deriveEventId(commandId, 1)]);

    client.script('readStream', { returns: [] }, { returns: [storedAs(client.callsTo('appendToStream')[0].events[1], STREAM, 1, 600)] });
    await expect(store.appendToStream(STREAM, fromCommand(), { expectedRevision: 'no_stream' })).resolves.toMatchObject({
      duplicate: true,
    });
  });

  it('refuses an append position it cannot represent exactly', async () => {
    const beyond = BigInt(Number.MAX_SAFE_INTEGER) + 10n;
    client
      .script('readStream', notFound())
      .script('appendToStream', { returns: { nextExpectedRevision: 0n, position: { commit: beyond, prepare: beyond } } });
    await expect(store.appendToStream(STREAM, sampleEvents(1), { expectedRevision: 'no_stream' })).rejects.toThrow(/MAX_SAFE_INTEGER/);
  });
});
