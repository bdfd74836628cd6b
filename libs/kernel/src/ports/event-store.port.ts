import type { EventEnvelope, NewEvent } from '../envelope/event-envelope';

/**
 * What a writer expects the stream to be at before its append:
 * - a number: exactly that revision (0-based index of the last event);
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: any revision, but the stream must exist;
 * - `any`: no check (never used by command handling; for imports and tooling only).
 */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

/** Revision of a stream that has no events. */
export const NO_STREAM_REVISION = -1;

export interface AppendResult {
  /** Revision of the last event of the stream after the append (what to expect next time). */
  readonly nextExpectedRevision: number;
  /** Global position of the last event appended (or of the original, for a duplicate). */
  readonly position: number;
  /** True when every event id was already stored as this same batch: nothing new was written. */
  readonly duplicate: boolean;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Default: 0 forwards, the end backwards. */
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

/** Server-side filter for `$all` reads and subscriptions. */
export interface EventFilter {
  /** Only these event types. */
  readonly eventTypes?: readonly string[];
  /** Only streams whose id starts with one of these prefixes (`loyalty-`, `contacts-customer-`). */
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Read events strictly after this global position (a checkpoint). Undefined: from the start. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface AllSlice {
  readonly events: readonly EventEnvelope[];
  /**
   * The last position this read looked at, matching or not. A reader that checkpoints this value
   * does not scan filtered-out events again. Undefined when nothing was scanned.
   */
  readonly lastPosition: number | undefined;
  /** True when the read reached the current end of the log. */
  readonly isEnd: boolean;
}

/**
 * A catch-up subscription to `$all`: yields slices from `after` to the end of the log, then new
 * slices as events are appended, until `close()`. A consumer that awaits its work before asking
 * for the next slice gets back-pressure for free. Transport faults are retried inside the adapter
 * (resubscribing from the last yielded position); what cannot be retried ends the iteration with
 * an error.
 */
export interface AllSubscription extends AsyncIterable<AllSlice> {
  close(): Promise<void>;
}

export interface SubscribeToAllOptions extends ReadAllOptions {
  /** How long a live subscription waits before polling for events written by another process. */
  readonly pollIntervalMs?: number;
}

/**
 * The event store port. Adapters: embedded SQLite (`@c360/store-sqlite`) and EventStoreDB
 * (`@c360/store-eventstoredb`); both pass the contract suite in `@c360/contract-tests`.
 */
export interface EventStore {
  /**
   * Appends events atomically. Throws WrongExpectedRevisionError on a revision mismatch and
   * IdempotencyConflictError when some, but not all, ids exist. Re-appending the very same batch
   * (same ids, same place in the stream) succeeds as a duplicate and writes nothing.
   */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;

  /** Events of one stream, in revision order (or reverse). A missing stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]>;

  /** Current revision of a stream, NO_STREAM_REVISION when it has no events. */
  streamRevision(streamId: string): Promise<number>;

  /** A page of the global log, in position order. */
  readAll(options?: ReadAllOptions): Promise<AllSlice>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /** Position of the last event in the log; undefined for an empty log. Used for lag and health. */
  headPosition(): Promise<number | undefined>;

  /** Cheap reachability check for `/health/ready`; throws when the store cannot be used. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
