import type { IndexSpec } from '@c360/kernel';
import type { SqliteDatabase } from '../sqlite-connection';
import { fieldExpression } from './sql-filter';

/**
 * The CREATE INDEX for an index of a collection, or undefined when the collection has it already.
 * An index is recognised by what it indexes, not by its name: a switch-over renames a rebuilt staging
 * table to the live name, and its indexes go with it under the names they were built with (recreating
 * them under the live names built each one twice, inside the switch-over's write lock). A name taken
 * by another table's index gets a numbered suffix.
 */
export function indexStatement(db: SqliteDatabase, collection: string, index: IndexSpec): string | undefined {
  const table = `"rm_${collection}"`;
  // Deleted rows (tombstones) are left out of unique indexes: an erased identity may be reused.
  const body = `(${index.fields.map(fieldExpression).join(', ')})${index.unique ? ' WHERE deleted = 0' : ''}`;
  const kind = index.unique ? 'UNIQUE INDEX' : 'INDEX';
  // SQLite keeps the statement as written, without IF NOT EXISTS, and rewrites the table name on a rename.
  const existing = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .pluck()
    .all(`rm_${collection}`) as string[];
  if (existing.some((sql) => sql.startsWith(`CREATE ${kind} `) && sql.endsWith(` ON ${table} ${body}`))) return undefined;
  const base = `ix_${collection}_${index.fields.join('_')}`.replace(/[^A-Za-z0-9_]/g, '_');
  const taken = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return `CREATE ${kind} "${name}" ON ${table} ${body}`;
}
