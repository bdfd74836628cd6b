import { convertToCommandError } from '@eventstore/db-client';

/** The gRPC status a call ended with (grpc-js StatusObject, the part we read). */
export interface CallStatus {
  readonly code: number;
  readonly details: string;
}

/**
 * A read that ended without an OK status. The client's ReadStream (dist/streams/utils/ReadStream.js)
 * drops a client-side CANCELLED without an error, and grpc-js ends the stream (push(null)) before it
 * emits the error and the status (client.js, makeServerStreamRequest → onReceiveStatus), so a cut-off
 * read can look like a short, complete page. The adapter treats this error as transient.
 */
export class IncompleteReadError extends Error {
  override readonly name = 'IncompleteReadError';
  /** Read by mapping/esdb-errors.ts, like the client's own error types. */
  readonly type = 'incomplete-read';
  constructor(
    readonly call: string,
    readonly status: CallStatus | undefined,
  ) {
    super(
      status
        ? `EventStoreDB ${call} ended with status ${status.code} (${status.details}) before it completed`
        : `EventStoreDB ${call} ended without a status`,
    );
  }
}

/** The part of the client's ReadStream (its StreamingRead type) this needs. */
export interface PipedRead<T> extends AsyncIterable<T> {
  cancel(): Promise<void>;
}

/**
 * ReadStream is a stream.Transform the gRPC call is piped into, so it emits Writable's 'pipe' event
 * with the call; the StreamingRead type only lists the Readable events, hence this narrow view.
 */
interface PipeTarget {
  on(event: 'pipe', listener: (source: StatusSource) => void): unknown;
}

interface StatusSource {
  on(event: 'status', listener: (status: CallStatus) => void): unknown;
}

const OK = 0;
const CANCELLED = 1;

/**
 * Collects a read, and answers only if its gRPC call ended with OK. The ReadStream pipes the gRPC
 * call into itself, so its 'pipe' event hands us the call, whose 'status' event is the only sure
 * sign that the server finished the read. `signal` cancels the call (a time limit gave up on it).
 */
export async function collectCompleted<T, R>(
  call: string,
  read: PipedRead<T>,
  convert: (item: T) => R,
  signal?: AbortSignal,
): Promise<R[]> {
  let status: CallStatus | undefined;
  (read as unknown as PipeTarget).on('pipe', (source) => source.on('status', (received) => (status = received)));
  const onAbort = () => void read.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const items: R[] = [];
    for await (const item of read) items.push(convert(item));
    // grpc-js emits the status synchronously after ending the stream; one turn makes sure it is in.
    if (status === undefined) await new Promise((resolve) => setImmediate(resolve));
    const ended = status as CallStatus | undefined;
    if (ended?.code === OK) return items;
    if (ended === undefined || ended.code === CANCELLED) throw new IncompleteReadError(call, ended);
    // Any other status is an error the ReadStream emitted too late to be seen: the client's own class for it.
    throw convertToCommandError(Object.assign(new Error(`${ended.code} ${ended.details}`), { ...ended, metadata: undefined }));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
