import { CorruptEventError, type EventEnvelope } from '@c360/kernel';

/** One row of the `events` table, as better-sqlite3 returns it. */
export interface EventRow {
  readonly position: number;
  readonly event_id: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly schema_version: number;
  readonly occurred_at: string;
  readonly data: string;
  readonly metadata: string;
}

export const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, occurred_at, data, metadata';

/** Decodes a row; a row that cannot be decoded is reported with its position, never skipped. */
export function toEnvelope(row: EventRow): EventEnvelope {
  let data: unknown;
  let metadata: EventEnvelope['metadata'];
  try {
    data = JSON.parse(row.data);
    metadata = JSON.parse(row.metadata);
  } catch (error) {
    throw new CorruptEventError(
      row.position,
      `Event at position ${row.position} (stream ${row.stream_id}, ${row.type}) is corrupt: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    occurredAt: row.occurred_at,
    data,
    metadata,
  };
}
