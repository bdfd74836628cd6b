import type { EventEnvelope } from '../envelope/event-envelope';

/**
 * A read model built by folding events into documents. Pure: no I/O, no clock (use the event's
 * `occurredAt`). The generic DocumentProjector does loading, position guards and checkpoints.
 */
export interface DocumentProjection<TDoc extends object = Record<string, unknown>> {
  /** `customer-profile`; with the version it names the collection (`customer-profile_v1`). */
  readonly name: string;
  /** Bump to rebuild beside the old collection; switch readers when the new one is caught up. */
  readonly version: number;
  /** Event types this projection reads (also the server-side filter of its subscription). */
  readonly handles: readonly string[];
  /** The documents an event changes (usually one; none to ignore the event). */
  documentIds(event: EventEnvelope): readonly string[];
  /** The document after the event; `null` removes it (a tombstone keeps it from coming back). */
  apply(doc: TDoc | null, event: EventEnvelope, documentId: string): TDoc | null;
}

/** `customer-profile_v1`: the collection a projection version writes. */
export function projectionCollection(projection: Pick<DocumentProjection, 'name' | 'version'>): string {
  return `${projection.name}_v${projection.version}`;
}

/** `projection:customer-profile_v1`: the checkpoint name of a projection version. */
export function projectionCheckpoint(projection: Pick<DocumentProjection, 'name' | 'version'>): string {
  return `projection:${projectionCollection(projection)}`;
}
