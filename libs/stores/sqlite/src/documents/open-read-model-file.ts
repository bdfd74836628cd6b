import { existsSync, renameSync } from 'node:fs';
import type { SqliteOptions } from '../sqlite-connection';
import { SqliteDocumentStore } from './sqlite-document-store';

/** What to do when the read-model file cannot be opened as a database. */
export type OnCorruptReadModels = 'rebuild' | 'refuse';

/** Codes that say "this file is not (or no longer) a usable database", as opposed to a passing fault. */
const UNREADABLE = ['SQLITE_NOTADB', 'SQLITE_CORRUPT'];

export function isUnreadableDatabase(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return UNREADABLE.some((unreadable) => code.startsWith(unreadable));
}

/**
 * Opens the read-model file. Read models are derived from the log, so a file that is not a database
 * (or whose schema pages are corrupt) is moved aside — with its WAL and shared-memory files, kept for a
 * post-mortem — and a fresh one is rebuilt from the log by the projectors, when `onCorrupt` is
 * `rebuild`. With `refuse`, the error stops start-up as before. `log` should be loud (error level).
 */
export function openReadModelFile(
  options: SqliteOptions & { readonly secureDelete?: boolean },
  onCorrupt: OnCorruptReadModels,
  log: (message: string) => void,
  now: () => Date = () => new Date(),
): SqliteDocumentStore {
  try {
    return probed(new SqliteDocumentStore(options));
  } catch (error) {
    if (onCorrupt !== 'rebuild' || !isUnreadableDatabase(error) || options.file === ':memory:') throw error;
    const aside = `${options.file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(options.file + suffix)) renameSync(options.file + suffix, aside + suffix);
    }
    log(
      `READ MODELS UNREADABLE (${(error as Error).message}): moved ${options.file} aside to ${aside}; ` +
        'rebuilding every read model from the event log. Queries answer from partial read models until the ' +
        'projectors have caught up (see /health/ready).',
    );
    return probed(new SqliteDocumentStore(options));
  }
}

/** The pragmas of opening do not always read the schema; this does, so a bad file fails here and not later. */
function probed(store: SqliteDocumentStore): SqliteDocumentStore {
  try {
    store.db.prepare('SELECT count(*) FROM sqlite_master').get();
    return store;
  } catch (error) {
    if (store.db.open) store.db.close();
    throw error;
  }
}
