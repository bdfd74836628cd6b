import { CONTACTS_CUSTOMER_ABSORBED, CONTACTS_CUSTOMERS_MERGED, CONTACTS_MERGE_UNDONE } from '@c360/contacts-contracts';
import { CUSTOMER_TIMELINE_COLLECTION, type TimelineEntryDocument } from '@c360/customer360-projections';
import { hasStreamsAtPositions, streamsAtPositionsByReading, type DocumentStore, type EventEnvelope, type EventStore } from '@c360/kernel';

/** Merge events name the other customer: what was merged with a customer then is folded with it. */
const MERGE_TYPES: ReadonlySet<string> = new Set([CONTACTS_CUSTOMERS_MERGED, CONTACTS_CUSTOMER_ABSORBED, CONTACTS_MERGE_UNDONE]);

export interface CustomerEvents {
  /** Every event of the customer's streams up to the position, in log order. */
  readonly events: readonly EventEnvelope[];
  /** The customer and every customer ever merged with it (directly or along a chain). */
  readonly customerIds: readonly string[];
  readonly streams: number;
}

/**
 * The events that make up a customer's 360 view, found without reading the log: the live timeline
 * has an entry, with its position, for the customer-relevant events of every context, so it is an
 * index of where the customer's streams are. From one entry per stream the whole stream is read
 * (its other events — a deal's stage changes, a loyalty account's lot moves — have no entry of their
 * own but are folded too), and the customers a merge names are followed the same way.
 *
 * Exact when every stream that holds an event the customer 360 projections route to this customer
 * also holds a timeline entry of it — true of the contexts' streams (a customer's contacts and
 * loyalty streams start with a declared event; a deal's and an order's with one naming the customer);
 * `customer-as-of.spec.ts` proves it against the whole-log fold. The timeline must have reached
 * `until` (the caller checks its checkpoint).
 */
export async function customerEvents(options: {
  readonly events: EventStore;
  /** The live read models (where the timeline is). */
  readonly documents: DocumentStore;
  readonly customerId: string;
  readonly until: number;
}): Promise<CustomerEvents> {
  const { until } = options;
  const reader = hasStreamsAtPositions(options.events) ? options.events : streamsAtPositionsByReading(options.events);
  const byPosition = new Map<number, EventEnvelope>();
  const streams = new Set<string>();
  const customers = new Set<string>([options.customerId]);
  let round = [options.customerId];
  // A round reads the streams of the customers found so far; a merge in them names more customers.
  const follow = (event: EventEnvelope, next: string[]) => {
    if (!MERGE_TYPES.has(event.type)) return;
    for (const other of mergePartners(event)) {
      if (customers.has(other)) continue;
      customers.add(other);
      next.push(other);
    }
  };
  while (round.length > 0) {
    const positions: number[] = [];
    // A merge is two events: `customers-merged` on the absorbed customer's stream, and later (after the
    // reactions between them) `customer-absorbed` on the survivor's. At a point between the two, the merge
    // has happened, but the survivor's streams do not say so yet: its later merge entries name the partner.
    const laterMerges: number[] = [];
    for (const customerId of round) {
      for await (const { position, kind } of timelineEntries(options.documents, customerId)) {
        if (position <= until) {
          if (!byPosition.has(position)) positions.push(position);
        } else if (kind === 'merge') laterMerges.push(position);
      }
    }
    const next: string[] = [];
    for (const event of await reader.readStreamsAt(positions, until)) {
      byPosition.set(event.position, event);
      streams.add(event.streamId);
      follow(event, next);
    }
    if (laterMerges.length > 0) {
      // Only to learn the partner: its own streams are then read up to the point (a merge made after the
      // point folds the partner's events into the partner's documents, which the view does not read).
      const wanted = new Set(laterMerges);
      for (const event of await reader.readStreamsAt(laterMerges, Math.max(...laterMerges)))
        if (wanted.has(event.position)) follow(event, next);
    }
    round = next;
  }
  return {
    events: [...byPosition.values()].sort((a, b) => a.position - b.position),
    customerIds: [...customers],
    streams: streams.size,
  };
}

/** The position and kind of a customer's timeline entries, a page at a time. */
async function* timelineEntries(documents: DocumentStore, customerId: string): AsyncGenerator<{ position: number; kind: string }> {
  let after: string | undefined;
  do {
    // A one-value range keeps the embedded store on the (customerId, at) index (see TimelineReader).
    const page = await documents.find<TimelineEntryDocument>(
      CUSTOMER_TIMELINE_COLLECTION,
      { customerId: { $gte: customerId, $lte: customerId } },
      { limit: 1_000, after, fields: ['position', 'kind'] },
    );
    for (const entry of page.items) yield { position: entry.position, kind: entry.kind };
    after = page.nextCursor;
  } while (after);
}

function mergePartners(event: EventEnvelope): string[] {
  const data = event.data as { survivorId?: unknown; absorbedId?: unknown };
  return [data.survivorId, data.absorbedId].filter((id): id is string => typeof id === 'string');
}
