import { assertValidNewEvents, type NewEvent } from '@c360/kernel';

/** Serialised form of one event, computed once per append. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly data: string;
  readonly metadata: string;
}

/** Validates (the kernel's rules, shared by every adapter) and serialises the events of one append. */
export function encodeNewEvents(streamId: string, events: readonly NewEvent[]): EncodedEvent[] {
  assertValidNewEvents(streamId, events);
  // Events of one append usually share their metadata object: serialise it once.
  let lastMetadata: unknown;
  let lastMetadataJson = '';
  return events.map((event, index) => {
    if (event.metadata !== lastMetadata) {
      lastMetadataJson = serialise(event.metadata, `events[${index}].metadata`);
      lastMetadata = event.metadata;
    }
    return {
      // V8 returns an already lower-case string as it is: cheaper than testing it with a regex first.
      id: event.id.toLowerCase(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
      data: serialise(event.data, `events[${index}].data`),
      metadata: lastMetadataJson,
    };
  });
}

function serialise(value: unknown, where: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value ?? null);
  } catch (error) {
    throw new TypeError(`${where} is not JSON-serialisable: ${(error as Error).message}`);
  }
  if (json === undefined) throw new TypeError(`${where} is not JSON-serialisable`);
  return json;
}
