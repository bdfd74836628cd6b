import { UUID_PATTERN, type NewEvent } from '@c360/kernel';

const LOWER_UUID = /^[0-9a-f-]{36}$/;

/** Serialised form of one event, computed once per append. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly data: string;
  readonly metadata: string;
}

/**
 * Checks what every adapter must refuse before anything is written, and serialises the payloads.
 * Errors name the offending event and field.
 */
export function encodeNewEvents(streamId: string, events: readonly NewEvent[]): EncodedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.startsWith('$')) {
    throw new TypeError(`streamId must be a non-empty string not starting with "$" (got ${JSON.stringify(streamId)})`);
  }
  if (!Array.isArray(events) || events.length === 0) throw new TypeError(`Nothing to append to "${streamId}"`);
  const seen = new Set<string>();
  // Events of one append usually share their metadata object and timestamp: check and serialise once.
  let lastMetadata: unknown;
  let lastMetadataJson = '';
  let lastOccurredAt = '';
  return events.map((event, index) => {
    const where = `events[${index}]`;
    if (typeof event.id !== 'string' || !UUID_PATTERN.test(event.id)) throw new TypeError(`${where}.id must be a UUID`);
    if (seen.has(event.id)) throw new TypeError(`${where}.id ${event.id} appears twice in one append`);
    seen.add(event.id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError(`${where}.type must be a non-empty string`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new TypeError(`${where}.schemaVersion must be a positive integer`);
    }
    if (event.occurredAt !== lastOccurredAt) {
      if (typeof event.occurredAt !== 'string' || Number.isNaN(Date.parse(event.occurredAt))) {
        throw new TypeError(`${where}.occurredAt must be an ISO-8601 date`);
      }
      lastOccurredAt = event.occurredAt;
    }
    if (event.metadata !== lastMetadata) {
      if (!event.metadata || typeof event.metadata.correlationId !== 'string' || !event.metadata.actor) {
        throw new TypeError(`${where}.metadata must carry correlationId, causationId and actor`);
      }
      lastMetadataJson = serialise(event.metadata, `${where}.metadata`);
      lastMetadata = event.metadata;
    }
    return {
      id: LOWER_UUID.test(event.id) ? event.id : event.id.toLowerCase(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
      data: serialise(event.data, `${where}.data`),
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
