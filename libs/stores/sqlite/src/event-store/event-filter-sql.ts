import type { Backlog, EventFilter } from '@c360/kernel';
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

export function filterParams(filter: EventFilter | undefined): string[] {
  const params: string[] = [...(filter?.eventTypes ?? [])];
  for (const prefix of filter?.streamPrefixes ?? []) params.push(prefix, `${prefix}\u{10FFFF}`);
  return params;
}

/** The statements of one filter shape: its pages by limit, its backlog count by limit, its oldest event. */
interface ShapeStatements {
  readonly pages: StatementsByLimit;
  readonly counts: StatementsByLimit;
  readonly oldest: Statement;
}

/**
 * The prepared `$all` reads, one set per filter shape (how many types, how many prefixes): a page's
 * parameters are `after, head, ...filterParams(filter)`, a backlog's `after, ...filterParams(filter)`.
 */
export class FilteredReads {
  private readonly shapes = new Map<string, ShapeStatements>();

  constructor(private readonly db: SqliteDatabase) {}

  statement(filter: EventFilter | undefined, limit: number): Statement {
    return this.shape(filter).pages.get(limit);
  }

  /** A processor's backlog by counting rows (no decoding), for honest lag in health (issue 11). */
  backlog(after: number, filter: EventFilter | undefined, limit: number): Backlog {
    const shape = this.shape(filter);
    const params = [after, ...filterParams(filter)];
    const count = shape.counts
      .get(limit + 1)
      .pluck()
      .get(...params) as number;
    const oldest = count ? (shape.oldest.get(...params) as string | undefined) : undefined;
    return { events: Math.min(count, limit), capped: count > limit, oldestOccurredAt: oldest };
  }

  private shape(filter: EventFilter | undefined): ShapeStatements {
    const key = `${filter?.eventTypes?.length ?? 0}/${filter?.streamPrefixes?.length ?? 0}`;
    let shape = this.shapes.get(key);
    if (!shape) {
      const after = ['position > ?', ...filterConditions(filter)].join(' AND ');
      const page = ['position > ?', 'position <= ?', ...filterConditions(filter)].join(' AND ');
      shape = {
        pages: new StatementsByLimit(this.db, (clause) => `SELECT ${EVENT_COLUMNS} FROM events WHERE ${page} ORDER BY position ${clause}`),
        counts: new StatementsByLimit(this.db, (clause) => `SELECT count(*) FROM (SELECT 1 FROM events WHERE ${after} ${clause})`),
        oldest: this.db.prepare(`SELECT occurred_at FROM events WHERE ${after} ORDER BY position LIMIT 1`).pluck(),
      };
      this.shapes.set(key, shape);
    }
    return shape;
  }
}
