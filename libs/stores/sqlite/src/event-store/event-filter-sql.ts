import type { EventFilter } from '@c360/kernel';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite-connection';
import { StatementsByLimit } from '../statements-by-limit';
import { EVENT_COLUMNS } from './event-row';

/** The `type IN (…)` and stream-prefix conditions of an `$all` filter; their parameters come from `filterParams`. */
function filterConditions(filter: EventFilter | undefined): string[] {
  const types = filter?.eventTypes?.length ?? 0;
  const prefixes = filter?.streamPrefixes?.length ?? 0;
  const conditions: string[] = [];
  if (types) conditions.push(`type IN (${Array(types).fill('?').join(', ')})`);
  if (prefixes) conditions.push(`(${Array(prefixes).fill('(stream_id >= ? AND stream_id < ?)').join(' OR ')})`);
  return conditions;
}

/** SQL conditions and parameters for an `$all` filter (event types, stream prefixes). */
export function filterWhere(after: number, filter: EventFilter | undefined): { where: string; params: unknown[] } {
  return { where: ['position > ?', ...filterConditions(filter)].join(' AND '), params: [after, ...filterParams(filter)] };
}

export function filterParams(filter: EventFilter | undefined): string[] {
  const params: string[] = [...(filter?.eventTypes ?? [])];
  for (const prefix of filter?.streamPrefixes ?? []) params.push(prefix, `${prefix}\u{10FFFF}`);
  return params;
}

/**
 * The prepared `$all` reads, one per filter shape (how many types, how many prefixes) and limit:
 * parameters are `after, head, ...filterParams(filter)`.
 */
export class FilteredReads {
  private readonly shapes = new Map<string, StatementsByLimit>();

  constructor(private readonly db: SqliteDatabase) {}

  statement(filter: EventFilter | undefined, limit: number): Statement {
    const key = `${filter?.eventTypes?.length ?? 0}/${filter?.streamPrefixes?.length ?? 0}`;
    let shape = this.shapes.get(key);
    if (!shape) {
      const conditions = ['position > ?', 'position <= ?', ...filterConditions(filter)];
      shape = new StatementsByLimit(
        this.db,
        (clause) => `SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position ${clause}`,
      );
      this.shapes.set(key, shape);
    }
    return shape.get(limit);
  }
}
