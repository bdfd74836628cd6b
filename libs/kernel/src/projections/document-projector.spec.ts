import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../envelope/event-envelope';
import type { DocumentStore, DocumentWrite, StoredDocument } from '../ports/document-store.port';
import { EventProcessingError } from '../subscriptions/event-processor';
import type { DocumentProjection } from './document-projection';
import { DocumentProjector } from './document-projector';
import { projectionCheckpointName } from './checkpoint-names';

/** Records writes and serves documents from memory, applying the position guard like the real stores. */
class RecordingDocuments implements Pick<DocumentStore, 'getMany' | 'write'> {
  readonly docs = new Map<string, StoredDocument<Record<string, unknown>>>();
  readonly checkpoints: number[] = [];
  async getMany<T>(_collection: string, ids: readonly string[]) {
    return ids.flatMap((id) => (this.docs.has(id) ? [this.docs.get(id) as StoredDocument<T>] : []));
  }
  async write(writes: readonly DocumentWrite[], checkpoint?: { name: string; position: number }) {
    let applied = 0;
    for (const write of writes) {
      const current = this.docs.get(write.id);
      if (current && current._position >= write.position) continue;
      applied++;
      if (write.kind === 'replace') this.docs.set(write.id, { ...write.doc, _id: write.id, _position: write.position });
      if (write.kind === 'delete') this.docs.delete(write.id);
    }
    if (checkpoint) this.checkpoints.push(checkpoint.position);
    return { applied, skipped: writes.length - applied };
  }
}

interface Counter {
  readonly count: number;
  readonly last: string;
}

const counters: DocumentProjection<Counter> = {
  name: 'counter',
  version: 2,
  handles: ['t.counted', 't.reset'],
  documentIds: (event) => [(event.data as { key: string }).key],
  evolve(doc, event) {
    if (event.type === 't.reset') return null;
    if ((event.data as { boom?: boolean }).boom) throw new Error('boom');
    return { count: (doc?.count ?? 0) + 1, last: event.occurredAt };
  },
};

let position = 0;
const envelope = (type: string, data: Record<string, unknown>): EventEnvelope => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  streamId: 's',
  revision: position,
  position: ++position,
  occurredAt: `2026-01-0${(position % 9) + 1}T00:00:00.000Z`,
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 't', role: 'system' } },
});

describe('DocumentProjector', () => {
  let documents: RecordingDocuments;
  let projector: DocumentProjector<Counter>;

  beforeEach(() => {
    position = 0;
    documents = new RecordingDocuments();
    projector = new DocumentProjector(counters, documents as unknown as DocumentStore, projectionCheckpointName('spec', counters));
  });

  it('names its collection and checkpoint after the projection version, and filters by handled types', () => {
    expect(projector.collection).toBe('counter_v2');
    expect(projector.name).toBe('spec:projection:counter_v2');
    expect(projector.filter.eventTypes).toEqual(['t.counted', 't.reset']);
  });

  it('folds a batch into one write per document, with the checkpoint', async () => {
    const batch = [envelope('t.counted', { key: 'a' }), envelope('t.counted', { key: 'b' }), envelope('t.counted', { key: 'a' })];
    await projector.handle(batch, 3);
    expect(documents.docs.get('a')).toMatchObject({ count: 2, _position: 3 });
    expect(documents.docs.get('b')).toMatchObject({ count: 1, _position: 2 });
    expect(documents.checkpoints).toEqual([3]);
  });

  it('changes nothing when a batch is replayed after a crash before the checkpoint', async () => {
    const batch = [envelope('t.counted', { key: 'a' }), envelope('t.counted', { key: 'a' })];
    await projector.handle(batch, 2);
    await projector.handle(batch, 2);
    await projector.handle([...batch, envelope('t.counted', { key: 'a' })], 3);
    expect(documents.docs.get('a')).toMatchObject({ count: 3 });
  });

  it('deletes a document when the projection returns null', async () => {
    await projector.handle([envelope('t.counted', { key: 'a' }), envelope('t.reset', { key: 'a' })], 2);
    expect(documents.docs.has('a')).toBe(false);
  });

  it('names the event it could not apply', async () => {
    const bad = envelope('t.counted', { key: 'a', boom: true });
    await expect(projector.handle([bad], bad.position)).rejects.toBeInstanceOf(EventProcessingError);
    await expect(projector.handle([bad], bad.position)).rejects.toThrow(/spec:projection:counter_v2 failed on t.counted v1 at position 1/);
    expect(documents.checkpoints).toEqual([]);
  });

  it('writes a write-once projection without reading its documents, and a replay changes none of them', async () => {
    const entries: DocumentProjection<{ key: string; at: string }> = {
      name: 'entry',
      version: 1,
      handles: ['t.counted'],
      writeOnce: true,
      documentIds: (event) => [event.id],
      evolve: (doc, event) => doc ?? { key: (event.data as { key: string }).key, at: event.occurredAt },
    };
    const reads: string[][] = [];
    const store = Object.assign(documents, {
      getMany: async (_collection: string, ids: readonly string[]) => {
        reads.push([...ids]);
        return [];
      },
    });
    const writeOnce = new DocumentProjector(entries, store as unknown as DocumentStore, projectionCheckpointName('spec', entries));
    const batch = [envelope('t.counted', { key: 'a' }), envelope('t.counted', { key: 'b' })];
    await writeOnce.handle(batch, 2);
    const first = [...documents.docs.entries()];
    await writeOnce.handle(batch, 2);
    expect(reads).toEqual([]);
    expect([...documents.docs.entries()]).toEqual(first);
    expect(first.map(([, doc]) => doc)).toEqual([
      { key: 'a', at: batch[0].occurredAt, _id: batch[0].id, _position: 1 },
      { key: 'b', at: batch[1].occurredAt, _id: batch[1].id, _position: 2 },
    ]);
  });
});
