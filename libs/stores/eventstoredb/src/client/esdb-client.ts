/**
 * The seam between the adapter and `@eventstore/db-client`: only the calls the adapter makes, in
 * plain shapes. `GrpcEsdbClient` implements it over the real client; unit specs script a fake, so
 * they exercise the adapter's own logic (revisions, positions, errors, duplicates, filters,
 * resubscription) without a server and without re-implementing one.
 *
 * Errors cross the seam untouched: the real client's error classes (WrongExpectedVersionError,
 * StreamNotFoundError, StreamDeletedError, UnavailableError, …) are what the adapter translates.
 */

/** A position in the EventStoreDB transaction log: where an event was committed and where it lies. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** What `appendToStream` sends as the expected revision (the client's own constants and bigint). */
export type EsdbExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** One event to append, always stored with content type `application/json`. */
export interface EsdbEventData {
  readonly id: string;
  readonly type: string;
  /** Serialised with JSON.stringify by the client. */
  readonly data: unknown;
  /** Serialised with JSON.stringify by the client into the event's custom metadata. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** The part of a recorded event the adapter reads. */
export interface EsdbRecordedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  /** Parsed JSON; the raw text when the stored bytes are not valid JSON; bytes for binary events. */
  readonly data: unknown;
  /** Parsed JSON; bytes when the stored metadata is not JSON; undefined when there is none. */
  readonly metadata: unknown;
  /** Reported by servers from 22.6 on, for stream reads as well as `$all` reads. */
  readonly position?: EsdbPosition;
}

export interface EsdbAppendResult {
  readonly nextExpectedRevision: bigint;
  /** Commit position of the last event written (the server may omit it for an idempotent write). */
  readonly position?: EsdbPosition;
}

export interface EsdbReadStreamRequest {
  readonly direction: 'forwards' | 'backwards';
  readonly fromRevision: 'start' | 'end' | bigint;
  readonly maxCount: number;
  /** Aborted when the adapter gives up on the read (its time limit): the call should be cancelled. */
  readonly signal?: AbortSignal;
}

export interface EsdbReadAllRequest {
  readonly direction: 'forwards' | 'backwards';
  /** Inclusive: a forwards read returns the event at this position first. */
  readonly fromPosition: 'start' | 'end' | EsdbPosition;
  readonly maxCount: number;
  /** A shorter time limit than the adapter's read limit (health checks want an early answer). */
  readonly deadlineMs?: number;
  /** Aborted when the adapter gives up on the read (its time limit): the call should be cancelled. */
  readonly signal?: AbortSignal;
}

/** A server-side subscription filter: on event types or stream names, by regex or prefixes. */
export interface EsdbServerFilter {
  readonly filterOn: 'eventType' | 'streamName';
  readonly regex?: string;
  readonly prefixes?: readonly string[];
}

export interface EsdbSubscribeRequest {
  /** Exclusive: the subscription delivers events after the event at this position. */
  readonly fromPosition: 'start' | EsdbPosition;
  readonly filter: EsdbServerFilter;
}

/** What a catch-up subscription delivers, in the order the server sent it. */
export type EsdbSubscriptionItem =
  | { readonly kind: 'event'; readonly event: EsdbRecordedEvent }
  /** The server has considered every event up to this position (filtered subscriptions only). */
  | { readonly kind: 'checkpoint'; readonly position: EsdbPosition }
  /** The subscription has delivered the history and now follows live appends (servers from 23.10). */
  | { readonly kind: 'caughtUp' };

/**
 * Iteration ends normally when the server ends the subscription, and throws when it is dropped
 * with an error. `unsubscribe` ends it from our side.
 */
export interface EsdbSubscription extends AsyncIterable<EsdbSubscriptionItem> {
  unsubscribe(): Promise<void>;
}

export interface EsdbClient {
  appendToStream(streamId: string, events: readonly EsdbEventData[], expectedRevision: EsdbExpectedRevision): Promise<EsdbAppendResult>;
  /**
   * Reads resolve only when the server finished the read (an OK status); a read cut off early
   * rejects (IncompleteReadError), it never answers a short page. Rejects with the client's
   * StreamNotFoundError for a stream that has no events.
   */
  readStream(streamId: string, request: EsdbReadStreamRequest): Promise<EsdbRecordedEvent[]>;
  readAll(request: EsdbReadAllRequest): Promise<EsdbRecordedEvent[]>;
  subscribeToAll(request: EsdbSubscribeRequest): EsdbSubscription;
  dispose(): Promise<void>;
}
