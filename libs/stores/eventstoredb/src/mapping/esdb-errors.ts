import {
  AppendTooLargeError,
  CorruptEventError,
  IdempotencyConflictError,
  StreamDeletedError,
  TransientStoreError,
  WrongExpectedRevisionError,
  NO_STREAM_REVISION,
} from '@c360/kernel';

/**
 * Turns what `@eventstore/db-client` throws into the port's errors. The client's errors are told
 * apart by their `type` string (its ErrorType enum), not by `instanceof`, so a second copy of the
 * client package in node_modules cannot break the translation.
 */

/** gRPC status codes that mean "try again": UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED. */
const TRANSIENT_GRPC_CODES = new Set([14, 4, 8, 10]);
/** Client error types for faults that pass: the node is down, slow, restarting or no longer the leader. */
const TRANSIENT_CLIENT_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
/**
 * gRPC INTERNAL (13) and UNKNOWN (2): what grpc-js reports for an HTTP/2 stream reset (RST_STREAM,
 * "Stream removed", "Received RST_STREAM with code 2") by a proxy, a load balancer or a node that
 * restarts. The client's convertToCommandError (utils/CommandError.js) has no case for them and wraps
 * them in UnknownError, keeping the code. A reset says nothing about the request: retry it (and for an
 * append, assume it may have been written).
 */
const RESET_GRPC_CODES = new Set([13, 2]);

/** The server's default `MaxAppendSize` (ClusterVNodeOptions: 1,048,576 bytes). */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

interface ClientErrorShape {
  readonly type?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly actualVersion?: unknown;
  readonly maxAppendSize?: unknown;
}

function shape(error: unknown): ClientErrorShape {
  return typeof error === 'object' && error !== null ? (error as ClientErrorShape) : {};
}

export function isStreamNotFound(error: unknown): boolean {
  return shape(error).type === 'stream-not-found';
}

export function isWrongExpectedVersion(error: unknown): boolean {
  return shape(error).type === 'wrong-expected-version';
}

/** The stream's current revision a WrongExpectedVersionError reports, -1 when there is no stream. */
export function actualRevision(error: unknown): number {
  const actual = shape(error).actualVersion;
  return typeof actual === 'bigint' ? Number(actual) : NO_STREAM_REVISION;
}

export function isTransientFault(error: unknown): boolean {
  const { type, code, message } = shape(error);
  if (typeof type === 'string' && TRANSIENT_CLIENT_TYPES.has(type)) return true;
  if (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code)) return true;
  // Only the client's own "unknown" wrapper (or a raw gRPC error) with a reset code: an UnknownError
  // without a code is the client failing to recognise a server answer, which retrying does not fix.
  if (typeof code === 'number' && RESET_GRPC_CODES.has(code) && (type === undefined || type === 'unknown')) return true;
  // A read that ended without an OK status (client/read-completion.ts): cancelled or cut off.
  if (type === 'incomplete-read') return true;
  if (typeof code === 'string' && TRANSIENT_NODE_CODES.has(code)) return true;
  // The client's cluster discovery gives up with a plain Error when no node answers.
  return typeof message === 'string' && /Failed to discover/i.test(message);
}

/**
 * Translates any error from the client. `context` names the stream and the revision expected, for
 * errors that carry them. Errors that are already the port's, or that have no translation, pass through.
 */
export function translateError(error: unknown, context: { streamId?: string; expected?: string } = {}): unknown {
  if (
    error instanceof WrongExpectedRevisionError ||
    error instanceof IdempotencyConflictError ||
    error instanceof StreamDeletedError ||
    error instanceof TransientStoreError ||
    error instanceof CorruptEventError ||
    error instanceof AppendTooLargeError
  ) {
    return error;
  }
  const streamId = context.streamId ?? '$all';
  const { type } = shape(error);
  if (type === 'wrong-expected-version') {
    return new WrongExpectedRevisionError(streamId, context.expected ?? 'a revision', actualRevision(error));
  }
  if (type === 'stream-deleted') return new StreamDeletedError(streamId);
  if (type === 'maximum-append-size-exceeded') {
    // The client's MaxAppendSizeExceededError carries the server's limit (metadata "maximum-append-size").
    const limit = shape(error).maxAppendSize;
    return new AppendTooLargeError(streamId, typeof limit === 'number' ? limit : DEFAULT_MAX_APPEND_SIZE, undefined, { cause: error });
  }
  if (isTransientFault(error)) {
    const reason = error instanceof Error && error.message ? error.message : String(type ?? 'connection lost');
    return new TransientStoreError(`EventStoreDB is not reachable right now (${reason})`, { cause: error });
  }
  return error;
}
