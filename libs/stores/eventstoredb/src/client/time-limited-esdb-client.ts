import { TransientStoreError } from '@c360/kernel';
import type {
  EsdbAppendResult,
  EsdbClient,
  EsdbEventData,
  EsdbExpectedRevision,
  EsdbReadAllRequest,
  EsdbReadStreamRequest,
  EsdbRecordedEvent,
  EsdbSubscribeRequest,
  EsdbSubscription,
} from './esdb-client';

export interface EsdbTimeLimits {
  /** Every read (stream, `$all`, the head): `deadlineMs` on a request may only shorten it. */
  readonly readMs: number;
  /** An append; on expiry the append may still have been written (the caller forgets the stream). */
  readonly appendMs: number;
}

/**
 * Puts the adapter's own time limits on every call but subscriptions. @eventstore/db-client 6.2.1
 * passes `deadline: Infinity` to the gRPC call of readAll, readStream, subscribeToAll and the shared
 * batch-append stream (dist/streams/readAll.js, readStream.js, subscribeToAll.js,
 * appendToStream/batchAppend.js: `callArguments(baseOptions, { deadline: Infinity })`, which wins
 * over any deadline we pass), so a node that accepts the connection and then stalls would hang
 * readiness, the read before every append and every command handler.
 *
 * On expiry the call is abandoned with a TransientStoreError (a read is also cancelled through its
 * signal), and its late answer — a value or a rejection — is swallowed here, never left unhandled.
 */
export class TimeLimitedEsdbClient implements EsdbClient {
  constructor(
    private readonly inner: EsdbClient,
    private readonly limits: EsdbTimeLimits,
  ) {}

  appendToStream(streamId: string, events: readonly EsdbEventData[], expectedRevision: EsdbExpectedRevision): Promise<EsdbAppendResult> {
    return limit(`appendToStream("${streamId}")`, this.limits.appendMs, () =>
      this.inner.appendToStream(streamId, events, expectedRevision),
    );
  }

  readStream(streamId: string, request: EsdbReadStreamRequest): Promise<EsdbRecordedEvent[]> {
    return limit(`readStream("${streamId}")`, this.limits.readMs, (signal) => this.inner.readStream(streamId, { ...request, signal }));
  }

  readAll(request: EsdbReadAllRequest): Promise<EsdbRecordedEvent[]> {
    const ms = Math.min(request.deadlineMs ?? this.limits.readMs, this.limits.readMs);
    return limit('readAll', ms, (signal) => this.inner.readAll({ ...request, signal }));
  }

  /** Subscriptions are long-lived by design: their liveness is the subscription's own business. */
  subscribeToAll(request: EsdbSubscribeRequest): EsdbSubscription {
    return this.inner.subscribeToAll(request);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

async function limit<T>(call: string, ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abandon = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const running = work(abandon.signal);
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      abandon.abort();
      reject(new TransientStoreError(`EventStoreDB did not answer ${call} within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
    // The loser of the race settles later (or never): observe it so it cannot become an unhandled rejection.
    running.catch(() => undefined);
    expired.catch(() => undefined);
  }
}
