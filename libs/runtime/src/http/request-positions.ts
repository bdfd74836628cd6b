import { hasStreamsAtPositions, type EventStore } from '@c360/kernel';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** The log position a request's writes reached, collected while the request runs. */
interface RequestPositions {
  position: number | undefined;
}

const current = new AsyncLocalStorage<RequestPositions>();
const POSITIONS = Symbol('c360.request-positions');
type WithPositions = FastifyRequest & { [POSITIONS]?: RequestPositions };

/**
 * Fastify `onRequest` hook: the rest of the request (body parsing, guards, handler) runs with a fresh
 * record of the positions its appends reach, which the request also keeps for its `onSend`.
 */
export function recordRequestPositions(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const positions: RequestPositions = { position: undefined };
  (request as WithPositions)[POSITIONS] = positions;
  current.run(positions, done);
}

/** What the request's appends reached (undefined outside `recordRequestPositions`). */
export function positionsOf(request: FastifyRequest): Readonly<RequestPositions> | undefined {
  return (request as WithPositions)[POSITIONS];
}

/** Counts a position the request reached by other means (a result's own `position`). */
export function notePosition(request: FastifyRequest, position: number): void {
  const positions = (request as WithPositions)[POSITIONS];
  if (positions) raise(positions, position);
}

function record(position: number): void {
  const positions = current.getStore();
  if (positions) raise(positions, position);
}

function raise(positions: RequestPositions, position: number): void {
  if (positions.position === undefined || position > positions.position) positions.position = position;
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
