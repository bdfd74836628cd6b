import type {
  AllSlice,
  AllSubscription,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../ports/event-store.port';
import type { EventEnvelope } from '../envelope/event-envelope';
import { hasStreamsAtPositions } from '../ports/streams-at-positions.port';
import type { UpcasterRegistry } from './upcaster-registry';

/**
 * Wraps any EventStore so that every reader (command handling, projectors, relay, replay) sees
 * events in their current schema version. Writes pass through unchanged.
 */
export function withUpcasting(store: EventStore, registry: UpcasterRegistry): EventStore {
  if (registry.isEmpty) return store;
  const upcastAll = (events: readonly EventEnvelope[]) => events.map((event) => registry.upcast(event));
  const upcastSlice = (slice: AllSlice): AllSlice => ({ ...slice, events: upcastAll(slice.events) });

  return {
    appendToStream: (streamId, events, options) => store.appendToStream(streamId, events, options),
    readStream: async (streamId: string, options?: ReadStreamOptions) => upcastAll(await store.readStream(streamId, options)),
    streamRevision: (streamId) => store.streamRevision(streamId),
    readAll: async (options?: ReadAllOptions) => upcastSlice(await store.readAll(options)),
    subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
      const inner = store.subscribeToAll(options);
      return {
        close: () => inner.close(),
        async *[Symbol.asyncIterator]() {
          for await (const slice of inner) yield upcastSlice(slice);
        },
      };
    },
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
    // Optional capabilities pass through, upcast like every other read.
    ...(hasStreamsAtPositions(store)
      ? { readStreamsAt: async (positions: readonly number[], until: number) => upcastAll(await store.readStreamsAt(positions, until)) }
      : {}),
  };
}
