import {
  CorruptEventError,
  assertValidNewEvents,
  type ActorRole,
  type EventEnvelope,
  type EventMetadata,
  type NewEvent,
} from '@c360/kernel';
import type { EsdbEventData, EsdbRecordedEvent } from '../client/esdb-client';
import { toRevision } from './esdb-positions';

/**
 * Our envelope in EventStoreDB terms. The event's id, type and JSON data are EventStoreDB's own;
 * everything else travels in the event's metadata JSON:
 *
 *   { "schemaVersion": 1, "occurredAt": "…", "correlationId": "…", "causationId": "…",
 *     "commandId": "…", "actor": { "id": "…", "role": "agent" },
 *     "$correlationId": "…", "$causationId": "…" }
 *
 * `$correlationId` / `$causationId` are the names EventStoreDB's own tooling understands (the
 * `$by_correlation_id` projection, the UI). `stringData: true` marks a payload that is a JSON
 * string: the client hands back undecodable data as its raw text, so without the mark a string
 * payload and corrupt data would look the same.
 */

/**
 * Checks what every adapter must refuse before anything is written (the kernel's shared rules),
 * and builds the events to send. Errors name the offending event and field.
 */
export function encodeNewEvents(streamId: string, events: readonly NewEvent[]): EsdbEventData[] {
  assertValidNewEvents(streamId, events);
  return events.map((event, index) => {
    const where = `events[${index}]`;
    const id = event.id.toLowerCase();
    const metadata = event.metadata;
    const data = event.data ?? null;
    assertJson(data, `${where}.data`);
    return {
      id,
      type: event.type,
      data,
      metadata: {
        schemaVersion: event.schemaVersion,
        occurredAt: event.occurredAt,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        ...(metadata.commandId === undefined ? {} : { commandId: metadata.commandId }),
        actor: { id: metadata.actor.id, role: metadata.actor.role },
        $correlationId: metadata.correlationId,
        $causationId: metadata.causationId,
        ...(typeof data === 'string' ? { stringData: true } : {}),
      },
    };
  });
}

/** Decodes a recorded event whose position is already known; never skips what it cannot read. */
export function decodeEvent(event: EsdbRecordedEvent, position: number): EventEnvelope {
  const corrupt = (reason: string) =>
    new CorruptEventError(position, `Event at position ${position} (stream ${event.streamId}, ${event.type}) is corrupt: ${reason}`);
  if (!event.isJson) throw corrupt('it is not stored as JSON');
  const metadata = event.metadata;
  if (!isRecord(metadata)) throw corrupt('its metadata is not a JSON object');
  const { schemaVersion, occurredAt, correlationId, causationId, commandId, actor, stringData } = metadata;
  if (!Number.isInteger(schemaVersion) || (schemaVersion as number) < 1) throw corrupt('metadata.schemaVersion is missing');
  if (typeof occurredAt !== 'string') throw corrupt('metadata.occurredAt is missing');
  if (typeof correlationId !== 'string' || typeof causationId !== 'string') throw corrupt('metadata lacks correlationId or causationId');
  if (!isActor(actor)) throw corrupt('metadata.actor is missing');
  if (commandId !== undefined && typeof commandId !== 'string') throw corrupt('metadata.commandId is not a string');
  if (typeof event.data === 'string' && stringData !== true) throw corrupt('its data is not valid JSON');
  if (event.data instanceof Uint8Array) throw corrupt('its data is not valid JSON');
  const envelopeMetadata: EventMetadata = {
    correlationId,
    causationId,
    ...(commandId === undefined ? {} : { commandId }),
    actor: { id: actor.id, role: actor.role },
  };
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    schemaVersion: schemaVersion as number,
    streamId: event.streamId,
    revision: toRevision(event.revision, event.streamId),
    position,
    occurredAt,
    data: event.data,
    metadata: envelopeMetadata,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function isActor(value: unknown): value is { id: string; role: ActorRole } {
  return isRecord(value) && typeof value.id === 'string' && typeof value.role === 'string';
}

function assertJson(value: unknown, where: string): void {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`${where} is not JSON-serialisable: ${(error as Error).message}`);
  }
  if (json === undefined) throw new TypeError(`${where} is not JSON-serialisable`);
}
