import { UUID_PATTERN } from '../ids/uuid';
import type { NewEvent } from './event-envelope';

/**
 * What every EventStore adapter refuses before anything is written. Errors name the offending event
 * and field (`events[1].id must be a UUID`). Serialising the payload stays with each adapter.
 */
export function assertValidNewEvents(streamId: string, events: readonly NewEvent[]): void {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.startsWith('$')) {
    throw new TypeError(`streamId must be a non-empty string not starting with "$" (got ${JSON.stringify(streamId)})`);
  }
  if (!Array.isArray(events) || events.length === 0) throw new TypeError(`Nothing to append to "${streamId}"`);
  const seen = new Set<string>();
  // Events of one append usually share their metadata object and timestamp: check those once.
  let checkedMetadata: unknown;
  let checkedOccurredAt: unknown;
  events.forEach((event, index) => {
    const where = `events[${index}]`;
    if (typeof event.id !== 'string' || !UUID_PATTERN.test(event.id)) throw new TypeError(`${where}.id must be a UUID`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new TypeError(`${where}.id ${event.id} appears twice in one append`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError(`${where}.type must be a non-empty string`);
    if (event.type.startsWith('$')) throw new TypeError(`${where}.type must not start with "$" (reserved for system events)`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new TypeError(`${where}.schemaVersion must be a positive integer`);
    }
    if (event.occurredAt !== checkedOccurredAt) {
      if (typeof event.occurredAt !== 'string' || Number.isNaN(Date.parse(event.occurredAt))) {
        throw new TypeError(`${where}.occurredAt must be an ISO-8601 date`);
      }
      checkedOccurredAt = event.occurredAt;
    }
    if (event.metadata !== checkedMetadata) {
      const metadata = event.metadata;
      if (
        !metadata ||
        typeof metadata.correlationId !== 'string' ||
        typeof metadata.causationId !== 'string' ||
        typeof metadata.actor?.id !== 'string' ||
        typeof metadata.actor?.role !== 'string'
      ) {
        throw new TypeError(`${where}.metadata must carry correlationId, causationId and actor`);
      }
      if (metadata.commandId !== undefined && typeof metadata.commandId !== 'string') {
        throw new TypeError(`${where}.metadata.commandId must be a string`);
      }
      checkedMetadata = metadata;
    }
  });
}
