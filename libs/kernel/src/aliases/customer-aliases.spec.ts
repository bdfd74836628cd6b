import { DocumentProjector } from '../projections/document-projector';
import type { EventEnvelope } from '../envelope/event-envelope';
import type { DocumentStore, DocumentWrite, Filter, FieldCondition, Page, StoredDocument } from '../ports/document-store.port';
import { CustomerAliases, customerAliasProjection, type MergeFact } from './customer-aliases';

type MergeEvent =
  | { readonly type: 'merged'; readonly data: { mergeId: string; survivorId: string; absorbedId: string } }
  | { readonly type: 'undone'; readonly data: { mergeId: string; absorbedId: string } };

const projection = customerAliasProjection<MergeEvent>({
  name: 'test-aliases',
  handles: ['merged', 'undone'],
  fact: (event): MergeFact =>
    event.type === 'merged' ? { kind: 'merged', ...event.data, at: event.occurredAt } : { kind: 'undone', ...event.data },
});

let position = 0;
const envelope = (type: MergeEvent['type'], data: Record<string, string>): EventEnvelope => ({
  id: `e${++position}`,
  type,
  schemaVersion: 1,
  streamId: `s-${data.absorbedId}`,
  revision: 0,
  position,
  occurredAt: '2026-03-01T10:00:00.000Z',
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'system' } },
});

/** Just enough of a document store for aliases: replace/delete with the position guard, get, and a range find. */
class AliasDocuments {
  readonly docs = new Map<string, StoredDocument<Record<string, unknown>> & { deleted?: boolean }>();
  async get<T>(_collection: string, id: string): Promise<StoredDocument<T> | null> {
    const doc = this.docs.get(id);
    return doc && !doc.deleted ? (doc as unknown as StoredDocument<T>) : null;
  }
  async getMany<T>(collection: string, ids: readonly string[]): Promise<StoredDocument<T>[]> {
    const found: StoredDocument<T>[] = [];
    for (const id of ids) {
      const doc = await this.get<T>(collection, id);
      if (doc) found.push(doc);
    }
    return found;
  }
  async find<T>(_collection: string, filter: Filter): Promise<Page<T>> {
    const [[field, condition]] = Object.entries(filter) as [string, FieldCondition][];
    const items = [...this.docs.values()].filter(
      (doc) => !doc.deleted && doc[field] === condition.$gte && condition.$gte === condition.$lte,
    ) as unknown as StoredDocument<T>[];
    return { items };
  }
  async write(writes: readonly DocumentWrite[]) {
    for (const write of writes) {
      const current = this.docs.get(write.id);
      if (current && current._position >= write.position) continue;
      if (write.kind === 'replace') this.docs.set(write.id, { ...write.doc, _id: write.id, _position: write.position });
      if (write.kind === 'delete') this.docs.set(write.id, { _id: write.id, _position: write.position, deleted: true });
    }
    return { applied: writes.length, skipped: 0 };
  }
}

describe('the follow-the-merge rule', () => {
  it('lets a survivor answer for every customer merged into it, chains included, and separates them on undo', async () => {
    const store = new AliasDocuments() as unknown as DocumentStore;
    const projector = new DocumentProjector(projection, store, 'test');
    const aliases = new CustomerAliases(store, projection);
    await projector.handle([envelope('merged', { mergeId: 'm1', survivorId: 'b', absorbedId: 'a' })], position);
    await projector.handle([envelope('merged', { mergeId: 'm2', survivorId: 'c', absorbedId: 'b' })], position);

    expect(await aliases.resolve('a')).toEqual({ requestedId: 'a', survivorId: 'c', customerIds: ['c', 'b', 'a'] });
    expect(await aliases.resolve('c')).toEqual({ requestedId: 'c', survivorId: 'c', customerIds: ['c', 'b', 'a'] });

    // An undo on both streams: the second copy changes nothing.
    await projector.handle(
      [envelope('undone', { mergeId: 'm2', absorbedId: 'b' }), envelope('undone', { mergeId: 'm2', absorbedId: 'b' })],
      position,
    );
    expect(await aliases.resolve('c')).toEqual({ requestedId: 'c', survivorId: 'c', customerIds: ['c'] });
    expect(await aliases.resolve('a')).toEqual({ requestedId: 'a', survivorId: 'b', customerIds: ['b', 'a'] });
    // An undo of an older merge does not remove a newer alias.
    await projector.handle([envelope('undone', { mergeId: 'm-old', absorbedId: 'a' })], position);
    expect((await aliases.resolve('a')).survivorId).toBe('b');
  });
});
