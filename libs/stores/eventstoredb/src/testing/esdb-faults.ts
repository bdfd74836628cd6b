import { MaxAppendSizeExceededError, convertToCommandError } from '@eventstore/db-client';
import type { EsdbPosition, EsdbSubscriptionItem } from '../client/esdb-client';
import { IncompleteReadError } from '../client/read-completion';

/**
 * Faults that are routine on a real EventStoreDB, built the way the real client builds them, so the
 * scripted client (fake-esdb-client.ts) can hand them to the adapter. Each names what it models.
 */

/** What grpc-js rejects a call with: an Error carrying the gRPC status code and details. */
function grpcStatusError(code: number, name: string, details: string): Error {
  return Object.assign(new Error(`${code} ${name}: ${details}`), { code, details, metadata: undefined });
}

/**
 * An HTTP/2 stream reset by a proxy or a restarting node. grpc-js reports RST_STREAM as INTERNAL (13)
 * "Stream removed" (or "Received RST_STREAM with code 2"); @eventstore/db-client 6.2.1's
 * convertToCommandError (dist/utils/CommandError.js) has no case for 13 and returns UnknownError.
 */
export function streamReset(): Error {
  return convertToCommandError(grpcStatusError(13, 'INTERNAL', 'Stream removed')) as Error;
}

/** gRPC UNKNOWN (2), as grpc-js reports a reset with "Received RST_STREAM with code 2"; also UnknownError. */
export function unknownStatus(): Error {
  return convertToCommandError(
    grpcStatusError(2, 'UNKNOWN', 'Received RST_STREAM with code 2 triggered by internal client error'),
  ) as Error;
}

/**
 * The server refusing an append over `MaxAppendSize` (server: Streams.Append / BatchAppend sum
 * Event.SizeOnDisk = data + metadata + 2 × type length and throw RpcExceptions.MaxAppendSizeExceeded);
 * the client (streams/appendToStream/unpackError.js) turns it into MaxAppendSizeExceededError.
 */
export function maxAppendSizeExceeded(limit = 1_048_576): Error {
  return MaxAppendSizeExceededError.fromMaxAppendSize(limit);
}

/**
 * A read whose gRPC call ended without an OK status: the client's ReadStream (streams/utils/ReadStream.js)
 * swallows a client-side CANCELLED and ends, so without the check in read-completion.ts this would be
 * a short, successful page.
 */
export function cancelledRead(): Error {
  return new IncompleteReadError('readAll', { code: 1, details: 'Cancelled on client' });
}

/**
 * The checkpoint some 24.10 server builds send for a filtered subscription from the start that has
 * matched nothing on a log shorter than the checkpoint interval: TFPos.HeadOfTf (-1, -1) converted by
 * Position.FromInt64 into (2^64 − 1, 2^64 − 1) (server: Enumerator.AllSubscriptionFiltered).
 */
export const SENTINEL_CHECKPOINT: EsdbSubscriptionItem = {
  kind: 'checkpoint',
  position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } satisfies EsdbPosition,
};
