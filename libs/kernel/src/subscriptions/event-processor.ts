import type { EventEnvelope } from '../envelope/event-envelope';
import type { EventFilter } from '../ports/event-store.port';

/**
 * Anything that consumes `$all` from a checkpoint: projectors, process managers, the Kafka relay.
 * The subscription runner feeds it batches in log order and keeps its checkpoint.
 */
export interface EventProcessor {
  /** Unique and stable: it names the checkpoint (`projection:customer-profile_v1`). */
  readonly name: string;
  readonly filter?: EventFilter;
  /**
   * Handles a batch in order. `lastPosition` is the position the batch ends at (it may be beyond the
   * last event when filtered events were scanned). Throw TransientStoreError for faults worth a retry;
   * any other error stops the processor. Wrap the failing event in EventProcessingError so that an
   * operator can skip exactly that event. `fence` is the lease token of this instance when processors
   * share work (ProcessorLeaseStore): a processor that stores its own checkpoint passes it along.
   */
  handle(events: readonly EventEnvelope[], lastPosition: number, fence?: number): Promise<void>;
  /**
   * True when `handle` stores the checkpoint itself, atomically with its own writes (the document
   * projector does). Otherwise the runner stores it after `handle` returns.
   */
  readonly storesOwnCheckpoint?: boolean;
  /**
   * How the runner cuts a slice into chunks. `time-budget` (the default) sizes them so that handling one
   * takes about the time budget: right for projectors, whose work holds the event loop. `whole-slice`
   * hands over every slice at once: for reactions, whose time goes into awaiting the commands they send
   * (each await gives the loop back), so a chunk's wall time says nothing about how long it held the
   * loop, and shrinking it to one event left one command per group commit (issue 11: the purchase →
   * points reaction fell 20 s behind a 30 s load, then caught up in seconds once the load stopped).
   */
  readonly chunking?: 'time-budget' | 'whole-slice';
  /**
   * Called each time the runner has handled everything up to the head of the log (cheap when there is
   * nothing to do): a projector builds the indexes it left for the end of a catch-up. A transient fault
   * is retried like a batch's.
   */
  caughtUp?(): Promise<void>;
}

/** A processor wrapping another: the same name (unless renamed), filter and traits, with its own `handle`. */
export function wrapProcessor(inner: EventProcessor, handle: EventProcessor['handle'], name = inner.name): EventProcessor {
  const caughtUp = inner.caughtUp?.bind(inner);
  return {
    name,
    filter: inner.filter,
    storesOwnCheckpoint: inner.storesOwnCheckpoint,
    chunking: inner.chunking,
    handle,
    ...(caughtUp ? { caughtUp } : {}),
  };
}

/** Names the event a processor could not handle. */
export class EventProcessingError extends Error {
  override readonly name = 'EventProcessingError';
  constructor(
    readonly event: Pick<EventEnvelope, 'id' | 'type' | 'schemaVersion' | 'position' | 'streamId'>,
    readonly processor: string,
    cause: unknown,
  ) {
    super(
      `${processor} failed on ${event.type} v${event.schemaVersion} at position ${event.position} ` +
        `(stream ${event.streamId}, event ${event.id}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
