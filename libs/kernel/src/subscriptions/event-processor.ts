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
