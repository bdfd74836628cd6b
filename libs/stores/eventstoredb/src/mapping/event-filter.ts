import type { EventFilter } from '@c360/kernel';
import type { EsdbRecordedEvent, EsdbServerFilter } from '../client/esdb-client';

/**
 * Our EventFilter (event types AND stream prefixes) against EventStoreDB, which filters a
 * subscription on one dimension only (event type or stream name). The adapter sends the most useful
 * dimension to the server and always checks the whole filter again on its side: the server filter
 * only saves bandwidth, it never decides what a reader gets.
 */

/** EventStoreDB's own events: system streams (`$…`) and system event types (`$metadata`, `$>` links…). */
export function isSystemEvent(event: Pick<EsdbRecordedEvent, 'streamId' | 'type'>): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** An empty list means "no condition", as in the embedded adapter. */
export function matchesFilter(filter: EventFilter | undefined, event: Pick<EsdbRecordedEvent, 'streamId' | 'type'>): boolean {
  if (isSystemEvent(event)) return false;
  const types = filter?.eventTypes;
  if (types && types.length > 0 && !types.includes(event.type)) return false;
  const prefixes = filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0 && !prefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  return true;
}

/**
 * Event types when given (projections and processors name the types they handle), else stream
 * prefixes, else "no system events". Both of ours exclude system events, since our types and
 * stream names never start with `$`.
 */
export function serverFilter(filter: EventFilter | undefined): EsdbServerFilter {
  const types = filter?.eventTypes ?? [];
  if (types.length > 0) {
    return { filterOn: 'eventType', regex: `^(?:${types.map(escapeRegex).join('|')})$` };
  }
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length > 0) return { filterOn: 'streamName', prefixes: [...prefixes] };
  return { filterOn: 'eventType', regex: '^[^$]' };
}

/** Escapes the characters that are special in both .NET (the server's) and JavaScript regular expressions. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, (char) => `\\${char}`);
}
