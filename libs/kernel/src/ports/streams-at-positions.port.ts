import type { EventEnvelope } from '../envelope/event-envelope';
import type { EventStore } from './event-store.port';

/**
 * Optional capability of an event store: the whole streams that hold the events at some positions, in
 * one read. The as-of view of one customer finds its streams through positions the live timeline
 * keeps; one query instead of two reads per stream is what keeps it in milliseconds for a customer
 * with hundreds of orders. The embedded store has it; `streamsAtPositionsByReading` is the portable
 * fallback.
 */
export interface StreamsAtPositions {
  /** Every event, up to and including `untilPosition`, of each stream holding one of `positions`; in position order. */
  readStreamsAt(positions: readonly number[], untilPosition: number): Promise<EventEnvelope[]>;
}

export function hasStreamsAtPositions(store: unknown): store is StreamsAtPositions {
  return typeof (store as Partial<StreamsAtPositions> | null)?.readStreamsAt === 'function';
}

/** The portable way: one read of the event at each position, one read of each stream it names. */
export function streamsAtPositionsByReading(store: Pick<EventStore, 'readAll' | 'readStream'>): StreamsAtPositions {
  return {
    async readStreamsAt(positions, untilPosition) {
      const streams = new Set<string>();
      const events: EventEnvelope[] = [];
      for (const position of positions) {
        const [event] = (await store.readAll({ after: position - 1, maxCount: 1 })).events;
        if (!event || event.position !== position || streams.has(event.streamId)) continue;
        streams.add(event.streamId);
        for (const streamEvent of await store.readStream(event.streamId)) {
          if (streamEvent.position > untilPosition) break;
          events.push(streamEvent);
        }
      }
      return events.sort((a, b) => a.position - b.position);
    },
  };
}
