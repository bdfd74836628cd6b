import { IdempotencyConflictError, type AppendResult } from '@c360/kernel';
import type { Statement } from 'better-sqlite3';
import type { EncodedEvent } from './validate-new-events';

interface StoredEvent {
  readonly stream_id: string;
  readonly revision: number;
  readonly position: number;
}

/**
 * An append whose event ids are already stored: the same batch (same ids, consecutive, same stream) is
 * answered as the first time it was written; any other overlap is an idempotency conflict. Undefined
 * when none of the ids is stored. `byEventId` selects `stream_id, revision, position` by event id.
 */
export function repeatedAppend(byEventId: Statement, streamId: string, events: readonly EncodedEvent[]): AppendResult | undefined {
  const found = events.map((event) => byEventId.get(event.id) as StoredEvent | undefined);
  if (found.every((row) => row === undefined)) return undefined;
  const first = found[0];
  const sameBatch =
    first !== undefined &&
    found.every((row, index) => row !== undefined && row.stream_id === streamId && row.revision === first.revision + index);
  if (!sameBatch) {
    const clash = events[found.findIndex((row) => row !== undefined)];
    throw new IdempotencyConflictError(streamId, clash.id);
  }
  const last = found[found.length - 1] as StoredEvent;
  return { nextExpectedRevision: last.revision, position: last.position, duplicate: true };
}
