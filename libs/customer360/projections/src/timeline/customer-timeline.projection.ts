import {
  projectionCollection,
  type DocumentProjection,
  type EventEnvelope,
  type TimelineDeclaration,
  type TimelineEntryFacts,
} from '@c360/kernel';
import type { TimelineEntryDocument } from './timeline-entry.document';

// v2: tickets declare their entries (opened, resolved, closed, reopened, merged, SLA missed); v1 had none.
export const CUSTOMER_TIMELINE = { name: 'c360-timeline', version: 2 } as const;
export const CUSTOMER_TIMELINE_COLLECTION = projectionCollection(CUSTOMER_TIMELINE);

/**
 * The unified timeline, built from the contexts' declarations (ContextDefinition.timeline): it
 * handles exactly the declared event types, so a new context plugs in by declaring its entries.
 * One document per event, keyed by the event id: written once, never changed (the position guard
 * makes a replay a no-op). Bump the version when a declaration changes how existing events read.
 */
export function customerTimelineProjection(declaration: TimelineDeclaration): DocumentProjection<TimelineEntryDocument> {
  // The projector asks for the ids, then the document, of the same envelope: describe it once.
  const described = new WeakMap<EventEnvelope, TimelineEntryFacts | null>();
  const describe = (event: EventEnvelope): TimelineEntryFacts | null => {
    if (described.has(event)) return described.get(event) ?? null;
    const entry = declaration[event.type]?.(event) ?? null;
    described.set(event, entry);
    return entry;
  };
  return {
    ...CUSTOMER_TIMELINE,
    handles: Object.keys(declaration),
    // One index: a kind filter reads a customer's entries in time order and skips the others (a customer has
    // hundreds of entries, not millions), and every extra index is paid on each of the million inserts.
    indexes: [{ fields: ['customerId', 'at'] }],
    writeOnce: true,
    documentIds: (event) => (describe(event) ? [event.id] : []),
    evolve(doc, event) {
      if (doc) return doc;
      const entry = describe(event);
      if (!entry) return null;
      return {
        customerId: entry.customerId,
        kind: entry.kind,
        type: event.type,
        at: entry.at ?? event.occurredAt,
        summary: entry.summary,
        actor: event.metadata.actor,
        links: entry.links ?? {},
        ...(entry.detail === undefined || entry.detail === null ? {} : { detail: entry.detail }),
        eventId: event.id,
        position: event.position,
      };
    },
  };
}
