import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-connection';

/** Distinct limits kept per SQL shape; a caller uses a page size or a batch size, so a few. */
const LIMITS_KEPT = 16;

/**
 * The prepared statements of one SQL shape, one per LIMIT value. The limit is written into the text
 * rather than bound: SQLite reads a bound LIMIT's value for its planner and then re-plans the
 * statement on every run, because each run binds it again (6–9 µs a run here, more than a small read
 * itself costs). A negative limit means none.
 */
export class StatementsByLimit {
  private readonly kept = new Map<number, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    /** The SQL with its LIMIT clause (or nothing) where `limitClause` goes. */
    private readonly sql: (limitClause: string) => string,
  ) {}

  get(limit: number): Statement {
    if (!Number.isSafeInteger(limit)) throw new TypeError(`A read's limit must be an integer (got ${limit})`);
    const key = limit < 0 ? -1 : limit;
    let statement = this.kept.get(key);
    if (statement) return statement;
    statement = this.db.prepare(this.sql(key < 0 ? '' : `LIMIT ${key}`));
    if (this.kept.size >= LIMITS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, statement);
    return statement;
  }
}
