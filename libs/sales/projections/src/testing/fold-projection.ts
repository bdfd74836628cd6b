import type { DocumentProjection, EventEnvelope } from '@c360/kernel';

let position = 0;

/** Wraps a `{ type, data }` event in an envelope, as the store would (for projection specs). */
export function envelope(streamId: string, revision: number, event: { type: string; data: unknown }, occurredAt: string): EventEnvelope {
  position += 1;
  return {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    type: event.type,
    schemaVersion: 1,
    streamId,
    revision,
    position,
    occurredAt,
    data: event.data,
    metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'spec', role: 'system' } },
  };
}

/** Folds events through a projection the way the DocumentProjector does, in memory. */
export function foldProjection<T extends object>(projection: DocumentProjection<T>, events: readonly EventEnvelope[]): Map<string, T> {
  const docs = new Map<string, T>();
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    for (const id of projection.documentIds(event)) {
      const next = projection.evolve(docs.get(id) ?? null, event, id);
      if (next === null) docs.delete(id);
      else docs.set(id, next);
    }
  }
  return docs;
}
