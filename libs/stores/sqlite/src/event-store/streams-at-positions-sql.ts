import type { SqliteDatabase } from '../sqlite-connection';
import { EVENT_COLUMNS, type EventRow } from './event-row';

/** Positions per query: well under SQLite's limit on bound parameters. */
const POSITIONS_PER_QUERY = 500;

/**
 * The rows of every stream holding one of `positions`, up to `untilPosition`, in position order
 * (StreamsAtPositions): one indexed query per 500 positions — the subquery finds the streams by
 * primary key, the outer one reads each stream by its (stream, revision) key.
 */
export function streamsAtPositionsRows(db: SqliteDatabase, positions: readonly number[], untilPosition: number): EventRow[] {
  const rows = new Map<number, EventRow>(); // by position: two chunks may name the same stream
  for (let start = 0; start < positions.length; start += POSITIONS_PER_QUERY) {
    const chunk = positions.slice(start, start + POSITIONS_PER_QUERY);
    const found = db
      .prepare(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE stream_id IN (SELECT stream_id FROM events WHERE position IN (${chunk.map(() => '?').join(',')})) AND position <= ?`,
      )
      .all(...chunk, untilPosition) as EventRow[];
    for (const row of found) rows.set(row.position, row);
  }
  return [...rows.values()].sort((a, b) => a.position - b.position);
}
