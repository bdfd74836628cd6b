import type { DomainEvent, EventEnvelope } from '../envelope/event-envelope';
import type { DocumentStore, DocumentWrite, StoredDocument } from '../ports/document-store.port';
import { EventProcessingError, type EventProcessor } from '../subscriptions/event-processor';
import { projectionCollection, type DocumentProjection, type EnvelopeOf } from './document-projection';
import { ProjectionIndexes } from './projection-indexes';

/**
 * Runs a DocumentProjection as an event processor: per batch it loads each touched document once,
 * folds the batch's events into it in order, and writes the final documents together with the
 * checkpoint. Every write carries the position of the last event folded into it, and events at or
 * below a document's stored position are not folded again: replays change nothing.
 *
 * The subscription filter delivers only the types the projection `handles`, in their current schema
 * (upcasting happens on read), which is why the one narrowing to the projection's event union lives here.
 */
export class DocumentProjector<TDoc extends object, TEvent extends DomainEvent = DomainEvent> implements EventProcessor {
  readonly name: string;
  readonly filter: { eventTypes: readonly string[] };
  readonly storesOwnCheckpoint = true;
  readonly collection: string;
  private readonly indexes: ProjectionIndexes;

  /** `checkpoint` follows the naming rule (`projectionCheckpointName`): the runtime derives it from the context. */
  constructor(
    private readonly projection: DocumentProjection<TDoc, TEvent>,
    private readonly documents: DocumentStore,
    checkpoint: string,
  ) {
    this.name = checkpoint;
    this.collection = projectionCollection(projection);
    this.filter = { eventTypes: projection.handles };
    this.indexes = new ProjectionIndexes(documents, this.collection, projection.indexes ?? [], {
      holdsPersonalData: projection.readsPersonalData ?? false,
    });
  }

  /** Builds the projection's indexes before it starts; starting from nothing, the non-unique ones wait for `caughtUp` (ProjectionIndexes). */
  prepare(): Promise<void> {
    return this.indexes.prepare();
  }

  /** The runner reached the head of the log: indexes left for later are built now. */
  caughtUp(): Promise<void> {
    return this.indexes.complete();
  }

  async handle(events: readonly EventEnvelope[], lastPosition: number, fence?: number): Promise<void> {
    const touched = new Map<string, EventEnvelope[]>();
    for (const event of events) {
      for (const id of this.idsOf(event)) {
        const list = touched.get(id);
        if (list) list.push(event);
        else touched.set(id, [event]);
      }
    }
    const stored =
      touched.size && !this.projection.writeOnce ? await this.documents.getMany<TDoc>(this.collection, [...touched.keys()]) : [];
    const byId = new Map<string, StoredDocument<TDoc>>(stored.map((doc) => [doc._id, doc]));

    const writes: DocumentWrite[] = [];
    for (const [id, docEvents] of touched) {
      const current = byId.get(id);
      const from = current?._position ?? -1;
      let doc: TDoc | null = current ? stripMeta(current) : null;
      let position = from;
      for (const event of docEvents) {
        if (event.position <= from) continue; // folded before a crash: the guard's in-memory twin
        doc = this.applyOne(doc, event, id);
        position = event.position;
      }
      if (position === from) continue;
      writes.push(
        doc === null
          ? { kind: 'delete', collection: this.collection, id, position }
          : { kind: 'replace', collection: this.collection, id, doc: doc as Record<string, unknown>, position },
      );
    }
    await this.documents.write(writes, { name: this.name, position: lastPosition, ...(fence === undefined ? {} : { fence }) });
  }

  private idsOf(event: EventEnvelope): readonly string[] {
    try {
      return this.projection.documentIds(event as EnvelopeOf<TEvent>);
    } catch (error) {
      throw new EventProcessingError(event, this.name, error);
    }
  }

  private applyOne(doc: TDoc | null, event: EventEnvelope, id: string): TDoc | null {
    try {
      return this.projection.evolve(doc, event as EnvelopeOf<TEvent>, id);
    } catch (error) {
      throw new EventProcessingError(event, this.name, error);
    }
  }
}

function stripMeta<TDoc>(stored: StoredDocument<TDoc>): TDoc {
  const { _id: _ignoredId, _position: _ignoredPosition, ...doc } = stored as StoredDocument<TDoc> & Record<string, unknown>;
  return doc as TDoc;
}
