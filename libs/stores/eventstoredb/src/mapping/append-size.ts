import type { EsdbEventData } from '../client/esdb-client';

/**
 * An event's size as EventStoreDB counts it against `MaxAppendSize`: Event.SizeOnDisk on the server
 * (EventStore.Core/Data/Event.cs) is data bytes + metadata bytes + 2 × the type's length (UTF-16), and
 * Streams.Append / BatchAppend sum it over the whole append. The client sends data and metadata as
 * JSON.stringify output in UTF-8 (dist/streams/appendToStream/batchAppend.js, eventBatcher), so the
 * same count is exact here.
 */
export function eventSize(event: EsdbEventData): number {
  return (
    Buffer.byteLength(JSON.stringify(event.data) ?? '', 'utf8') +
    Buffer.byteLength(JSON.stringify(event.metadata), 'utf8') +
    event.type.length * 2
  );
}

export function appendSize(events: readonly EsdbEventData[]): number {
  return events.reduce((total, event) => total + eventSize(event), 0);
}

/**
 * Splits events, in order, into runs whose sizes stay within `limit`. Undefined when a single event is
 * over the limit on its own: no split can store it.
 */
export function splitBySize<T extends EsdbEventData>(events: readonly T[], limit: number): T[][] | undefined {
  const runs: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const event of events) {
    const own = eventSize(event);
    if (own > limit) return undefined;
    if (run.length > 0 && size + own > limit) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(event);
    size += own;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
