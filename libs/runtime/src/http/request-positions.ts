import { hasStreamsAtPositions, type EventStore } from '@c360/kernel';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The log position a request's writes reached, collected while the request runs. */
interface RequestPositions {
  position: number | undefined;
}

const current = new AsyncLocalStorage<RequestPositions>();

/** Runs a request's work with a fresh record of the positions its appends reach. */
export function withRequestPositions<T>(work: (positions: Readonly<RequestPositions>) => T): T {
  const positions: RequestPositions = { position: undefined };
  return current.run(positions, () => work(positions));
}

function record(position: number): void {
  const positions = current.getStore();
  if (positions && (positions.position === undefined || position > positions.position)) positions.position = position;
}

/**
 * The event store, noting for the request in progress (if any) the position each append reached — so
 * that any command's answer can carry `C360-Position` without a change to its controller or use case.
 * A duplicate append reports the original's position, which is what a retried request should see.
 */
export function withPositionRecording(store: EventStore): EventStore {
  return {
    appendToStream: async (streamId, events, options) => {
      const result = await store.appendToStream(streamId, events, options);
      record(result.position);
      return result;
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    streamRevision: (streamId) => store.streamRevision(streamId),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
    ...(hasStreamsAtPositions(store)
      ? { readStreamsAt: (positions: readonly number[], until: number) => store.readStreamsAt(positions, until) }
      : {}),
  };
}
