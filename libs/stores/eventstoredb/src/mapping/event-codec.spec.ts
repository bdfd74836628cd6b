import { sampleEvent } from '@c360/contract-tests';
import { CorruptEventError } from '@c360/kernel';
import { storedAs } from '../testing/fake-esdb-client';
import { decodeEvent, encodeNewEvents } from './event-codec';

describe('our envelope in EventStoreDB events', () => {
  it('keeps id, type and data as EventStoreDB fields and the rest in the metadata JSON', () => {
    const event = sampleEvent({ id: '0190A4B2-1C3D-7E4F-8A9B-0C1D2E3F4A5B' });
    const [encoded] = encodeNewEvents('loyalty-account-1', [event]);
    expect(encoded).toEqual({
      id: '0190a4b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b',
      type: event.type,
      data: event.data,
      metadata: {
        schemaVersion: 1,
        occurredAt: event.occurredAt,
        correlationId: event.metadata.correlationId,
        causationId: event.metadata.causationId,
        commandId: event.metadata.commandId,
        actor: event.metadata.actor,
        $correlationId: event.metadata.correlationId,
        $causationId: event.metadata.causationId,
      },
    });
  });

  it('reads back exactly the envelope that was written', () => {
    const event = sampleEvent({ data: { text: 'Ünïcödé 🥊', deep: { list: [1, { b: null }] } } });
    const [encoded] = encodeNewEvents('s-1', [event]);
    const envelope = decodeEvent(storedAs(encoded, 's-1', 4, 8_192), 8_192);
    expect(envelope).toEqual({ ...event, streamId: 's-1', revision: 4, position: 8_192 });
  });

  it('round-trips a string payload and an absent one', () => {
    const [text, nothing] = encodeNewEvents('s-1', [sampleEvent({ data: 'just text' }), sampleEvent({ data: undefined })]);
    expect(text.metadata.stringData).toBe(true);
    expect(decodeEvent(storedAs(text, 's-1', 0, 100), 100).data).toBe('just text');
    expect(nothing.data).toBeNull();
    expect(decodeEvent(storedAs(nothing, 's-1', 1, 200), 200).data).toBeNull();
  });

  it('leaves commandId out when the event has none', () => {
    const event = sampleEvent();
    const { commandId: _omitted, ...metadata } = event.metadata;
    const [encoded] = encodeNewEvents('s-1', [{ ...event, metadata }]);
    expect(encoded.metadata).not.toHaveProperty('commandId');
    expect(decodeEvent(storedAs(encoded, 's-1', 0, 100), 100).metadata).toEqual(metadata);
  });

  it.each([
    ['an id that is not a UUID', { id: 'not-a-uuid' }, /events\[1\]\.id must be a UUID/],
    ['an empty type', { type: '' }, /events\[1\]\.type/],
    ['a system type', { type: '$metadata' }, /events\[1\]\.type must not start with "\$"/],
    ['schema version 0', { schemaVersion: 0 }, /events\[1\]\.schemaVersion/],
    ['a date that is not one', { occurredAt: 'yesterday' }, /events\[1\]\.occurredAt/],
    ['data JSON cannot hold', { data: { amount: 10n } }, /events\[1\]\.data is not JSON-serialisable/],
  ])('refuses %s, naming the event and field', (_name, override, message) => {
    expect(() => encodeNewEvents('s-1', [sampleEvent(), sampleEvent(override)])).toThrow(message);
  });

  it('refuses metadata without its required fields, ids twice, empty batches and system streams', () => {
    const event = sampleEvent();
    expect(() => encodeNewEvents('s-1', [{ ...event, metadata: { ...event.metadata, actor: undefined as never } }])).toThrow(
      /events\[0\]\.metadata must carry/,
    );
    expect(() => encodeNewEvents('s-1', [event, { ...event, id: event.id.toUpperCase() }])).toThrow(/appears twice/);
    expect(() => encodeNewEvents('s-1', [])).toThrow(/Nothing to append/);
    expect(() => encodeNewEvents('$settings', [event])).toThrow(/streamId/);
  });

  describe('what cannot be decoded is reported with its position, never skipped', () => {
    const [good] = encodeNewEvents('s-1', [sampleEvent()]);
    const stored = storedAs(good, 's-1', 3, 12_288);

    it.each([
      ['metadata that is not JSON', { ...stored, metadata: new Uint8Array([123, 110, 111]) }, /metadata is not a JSON object/],
      ['data that is not valid JSON', { ...stored, data: '{"amount": 4' }, /data is not valid JSON/],
      ['a binary event', { ...stored, isJson: false, data: new Uint8Array([1, 2]) }, /not stored as JSON/],
      ['metadata without a schema version', { ...stored, metadata: { ...good.metadata, schemaVersion: undefined } }, /schemaVersion/],
      ['metadata without an actor', { ...stored, metadata: { ...good.metadata, actor: 'agent-7' } }, /actor/],
    ])('%s', (_name, event, reason) => {
      let caught: unknown;
      try {
        decodeEvent(event, 12_288);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CorruptEventError);
      expect(caught).toMatchObject({ position: 12_288 });
      expect((caught as Error).message).toMatch(/position 12288 \(stream s-1/);
      expect((caught as Error).message).toMatch(reason);
    });
  });
});
