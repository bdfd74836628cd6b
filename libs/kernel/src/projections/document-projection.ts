import type { DomainEvent, EventEnvelope } from '../envelope/event-envelope';
import type { IndexSpec } from '../ports/document-store.port';

/**
 * A stored event as a projection or workflow sees it: the envelope of one member of a context's event
 * union, so that `switch (event.type)` narrows `event.data` without casts.
 */
export type EnvelopeOf<TEvent extends DomainEvent> =
  TEvent extends DomainEvent<infer TType, infer TData> ? EventEnvelope<TType, TData> : never;

/**
 * A read model built by folding events into documents (Emmett's `canHandle` + `evolve`). Pure: no
 * I/O, no clock (use the event's `occurredAt`). A read model has its own document type; it never
 * stores a decider's state. The generic DocumentProjector does loading, position guards and
 * checkpoints.
 */
export interface DocumentProjection<TDoc extends object = object, TEvent extends DomainEvent = DomainEvent> {
  /** `customer-profile`; with the version it names the collection (`customer-profile_v1`). */
  readonly name: string;
  /** Bump to rebuild beside the old collection; switch readers when the new one is caught up. */
  readonly version: number;
  /** Event types this projection reads: its `canHandle`, and the server-side filter of its subscription. */
  readonly handles: readonly TEvent['type'][];
  /** Indexes its queries need, built idempotently before the projection starts (non-unique ones after its catch-up from an empty collection: ProjectionIndexes). */
  readonly indexes?: readonly IndexSpec[];
  /**
   * True when the documents need personal data in plaintext (a profile shows a name): the runtime
   * then feeds the projection decrypted events. Otherwise sealed fields stay sealed in the documents.
   */
  readonly readsPersonalData?: boolean;
  /**
   * Each document is made by one event and never changed afterwards (the timeline's entries): the
   * projector writes it without reading it first, and the store's position guard keeps a replay from
   * changing it. A projection whose documents later change must leave this off.
   */
  readonly writeOnce?: boolean;
  /** The documents an event changes (usually one; none to ignore the event). */
  documentIds(event: EnvelopeOf<TEvent>): readonly string[];
  /** The document after the event; `null` removes it (a tombstone keeps it from coming back). */
  evolve(doc: TDoc | null, event: EnvelopeOf<TEvent>, documentId: string): TDoc | null;
}

/** Any projection, whatever its document and event types (lists of a context's projections). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- method parameters are bivariant: a list holds every kind
export type AnyDocumentProjection = DocumentProjection<any, any>;

/** The event union a projection folds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the event type parameter is read
export type ProjectedEvent<P> = P extends DocumentProjection<any, infer TEvent> ? TEvent : never;

/** Whether a projection reads this event (the runtime's filter already keeps others away). */
export function canHandle<P extends AnyDocumentProjection>(
  projection: P,
  event: EventEnvelope,
): event is EnvelopeOf<ProjectedEvent<P>> & EventEnvelope {
  return (projection.handles as readonly string[]).includes(event.type);
}

/** `customer-profile_v1`: the collection a projection version writes. */
export function projectionCollection(projection: Pick<DocumentProjection, 'name' | 'version'>): string {
  return `${projection.name}_v${projection.version}`;
}
