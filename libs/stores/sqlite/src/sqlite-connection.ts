import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Durability of a commit:
 * - `full` (default): WAL with synchronous=FULL — every commit is fsynced before it is acknowledged;
 *   an acknowledged append survives a power loss. Group commit shares one fsync among many appends.
 * - `normal`: WAL with synchronous=NORMAL — survives a process crash, but the last commits may be
 *   lost on power loss. For benchmarks and throwaway environments only.
 */
export type Durability = 'full' | 'normal';

export interface SqliteOptions {
  /** A file path, or `:memory:` for tests. */
  readonly file: string;
  readonly durability?: Durability;
  /** Page cache in MiB (default 256: the indexes of a few million events stay in memory). */
  readonly cacheMiB?: number;
  /** A size quota: past it, writes fail as if the disk were full (and nothing of them is kept). */
  readonly maxSizeMiB?: number;
  /**
   * Overwrite deleted content with zeros (`PRAGMA secure_delete`), so that erased personal data and
   * deleted keys do not survive in free pages or freed cell space. Costs some write I/O.
   */
  readonly secureDelete?: boolean;
  /**
   * Open an existing file without writing to it (the operator's tools while the platform runs):
   * no schema steps, no pragmas that write, and appends are refused.
   */
  readonly readOnly?: boolean;
  /**
   * Copy the WAL back into the file on a worker thread (default true for a file opened for writing; see
   * wal/background-checkpointer.ts). Only the stores that open their own file start one.
   */
  readonly backgroundCheckpoint?: boolean;
}

export type SqliteDatabase = Database.Database;

export function openSqlite(options: SqliteOptions): SqliteDatabase {
  if (options.readOnly) {
    const db = new Database(options.file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${(options.cacheMiB ?? 256) * 1024}`);
    return db;
  }
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${(options.cacheMiB ?? 256) * 1024}`);
  db.pragma('temp_store = MEMORY');
  // Checkpoint the WAL every ~40 MiB rather than every 4 MiB: index pages touched by many commits are
  // copied back once, which keeps append throughput flat as the log grows.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('foreign_keys = ON');
  if (options.secureDelete) {
    db.pragma('secure_delete = ON');
    // Old page images in the WAL are plaintext too: truncate the WAL whenever it restarts after a
    // checkpoint instead of leaving stale frames at its tail.
    db.pragma('journal_size_limit = 0');
  }
  if (options.maxSizeMiB !== undefined) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.max(1, Math.floor((options.maxSizeMiB * 1_048_576) / pageSize))}`);
  }
  return db;
}

/** Applies numbered schema steps once, in order, recording them in `schema_migrations`. */
export function migrate(db: SqliteDatabase, component: string, steps: readonly string[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    component TEXT NOT NULL, step INTEGER NOT NULL, PRIMARY KEY (component, step))`);
  const done = db.prepare('SELECT step FROM schema_migrations WHERE component = ?').pluck().all(component) as number[];
  const record = db.prepare('INSERT INTO schema_migrations (component, step) VALUES (?, ?)');
  db.transaction(() => {
    steps.forEach((sql, step) => {
      if (done.includes(step)) return;
      db.exec(sql);
      record.run(component, step);
    });
  })();
}

/** SQLite error codes that mean "try again later" rather than "this is wrong". */
export function isTransientSqliteError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL'].some((transient) =>
    code.startsWith(transient),
  );
}
