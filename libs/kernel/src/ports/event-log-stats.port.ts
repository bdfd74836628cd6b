import type { EventFilter, EventStore } from './event-store.port';

/** What a processor still has to do: the unprocessed events of its own filter. */
export interface Backlog {
  /** Events matching the filter after the checkpoint (at most the limit asked for). */
  readonly events: number;
  /** True when there are more than `events`: the count stopped at the limit. */
  readonly capped: boolean;
  /** When the oldest unprocessed matching event happened; undefined when there is none. */
  readonly oldestOccurredAt?: string;
}

/**
 * An optional, cheap way for an adapter to measure a processor's backlog (a count over an index rather
 * than decoding events). Lag counted in positions is wrong for a filtered processor: a reaction's own
 * events move the head, so its "lag" stays flat while it works (issue 11).
 */
export interface EventLogStats {
  backlog(after: number | undefined, filter: EventFilter | undefined, limit: number): Promise<Backlog>;
}

export function hasEventLogStats(store: unknown): store is EventLogStats {
  return typeof (store as Partial<EventLogStats> | null)?.backlog === 'function';
}

/** The portable fallback: read the backlog through `readAll` (decodes up to `limit` events). */
export function backlogByReading(store: Pick<EventStore, 'readAll'>): EventLogStats {
  return {
    async backlog(after, filter, limit) {
      let events = 0;
      let oldest: string | undefined;
      let cursor = after;
      while (events < limit) {
        const slice = await store.readAll({ after: cursor, filter, maxCount: Math.min(1_000, limit - events) });
        if (oldest === undefined && slice.events.length) oldest = slice.events[0].occurredAt;
        events += slice.events.length;
        if (slice.isEnd || slice.lastPosition === undefined || slice.lastPosition === cursor) {
          return { events, capped: false, oldestOccurredAt: oldest };
        }
        cursor = slice.lastPosition;
      }
      return { events, capped: true, oldestOccurredAt: oldest };
    },
  };
}
