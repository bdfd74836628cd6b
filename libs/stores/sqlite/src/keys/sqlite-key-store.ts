import { SUBJECT_KEY_BYTES, SubjectErasedError, TransientStoreError, assertSubject, type KeyStore, type SubjectKey } from '@c360/kernel';
import type { Statement, Transaction } from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { isTransientSqliteError, migrate, openSqlite, type SqliteDatabase, type SqliteOptions } from '../sqlite-connection';
import { syncedOffTheEventLoop, type WalSync } from '../wal/wal-sync';

const SCHEMA = [
  `CREATE TABLE subject_keys (
     subject    TEXT PRIMARY KEY,
     key_id     TEXT NOT NULL,
     key        BLOB NOT NULL,
     created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   )`,
  `CREATE TABLE erased_subjects (
     subject   TEXT PRIMARY KEY,
     erased_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
   )`,
];

interface KeyRow {
  readonly key_id: string;
  readonly key: Buffer;
  readonly created_at?: string;
}

/**
 * A key created this recently may not be on disk yet: whoever created it (this connection or another
 * thread's) syncs it before using it, but a reader that finds it meanwhile syncs too rather than seal an
 * event with a key that a power loss could take back. Older keys were synced long ago.
 */
const RECENT_KEY_MS = 5_000;

/**
 * Per-customer keys in their own SQLite file (`./data/keys.db`), apart from the event log so that
 * backups of the log never carry the keys. A deleted key is overwritten, not just unlinked:
 * `secure_delete` zeroes the freed cell and the WAL (which holds older page images) is checkpointed
 * and truncated right after the deletion.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: SqliteDatabase;
  private readonly stmt: { select: Statement; insert: Statement; erased: Statement; remove: Statement; markErased: Statement };
  private readonly createOnce: Transaction<(subject: string) => SubjectKey>;
  private readonly deleteOnce: Transaction<(subject: string) => void>;
  /** Durability full with the fsync off the event loop (as the event store's, ADR 0019): undefined for `normal`. */
  private readonly walSync: WalSync | undefined;

  constructor(options: SqliteOptions) {
    // A new customer's key used to be fsynced on the event loop (synchronous=FULL): every request of the
    // process waited behind each registration's fsync. Now the commit is NORMAL and the WAL is synced on
    // libuv's pool before the key is handed out, so it is on disk before any event sealed with it is.
    const { walSync, open } = syncedOffTheEventLoop(options);
    this.walSync = walSync;
    this.db = openSqlite({ ...open, secureDelete: true, cacheMiB: options.cacheMiB ?? 8 });
    migrate(this.db, 'key-store', SCHEMA);
    this.stmt = {
      select: this.db.prepare('SELECT key_id, key, created_at FROM subject_keys WHERE subject = ?'),
      insert: this.db.prepare('INSERT INTO subject_keys (subject, key_id, key) VALUES (?, ?, ?)'),
      erased: this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject = ?').pluck(),
      remove: this.db.prepare('DELETE FROM subject_keys WHERE subject = ?'),
      markErased: this.db.prepare('INSERT OR IGNORE INTO erased_subjects (subject) VALUES (?)'),
    };
    // better-sqlite3 is synchronous: each transaction runs to completion, so racing creates in this
    // process see each other; other processes are serialised by SQLite's write lock.
    this.createOnce = this.db.transaction((subject: string) => {
      if (this.stmt.erased.get(subject)) throw new SubjectErasedError(subject);
      const existing = this.stmt.select.get(subject) as KeyRow | undefined;
      if (existing) return toKey(subject, existing);
      const row: KeyRow = { key_id: randomUUID(), key: randomBytes(SUBJECT_KEY_BYTES) };
      this.stmt.insert.run(subject, row.key_id, row.key);
      return toKey(subject, row);
    });
    this.deleteOnce = this.db.transaction((subject: string) => {
      this.stmt.remove.run(subject);
      this.stmt.markErased.run(subject);
    });
  }

  async create(subject: string): Promise<SubjectKey> {
    assertSubject(subject);
    // Most calls find the key: a plain read answers them without taking the write lock. A stored key
    // means the subject is not erased (erasure deletes the key and marks the subject in one transaction).
    const existing = this.guard(() => this.stmt.select.get(subject) as KeyRow | undefined);
    if (existing && !this.mayNotBeOnDisk(existing)) return toKey(subject, existing);
    const key = existing ? toKey(subject, existing) : this.guard(() => this.createOnce.immediate(subject));
    await this.synced();
    return key;
  }

  async get(subject: string): Promise<SubjectKey | undefined> {
    assertSubject(subject);
    const row = this.guard(() => this.stmt.select.get(subject) as KeyRow | undefined);
    return row && toKey(subject, row);
  }

  async delete(subject: string): Promise<void> {
    assertSubject(subject);
    this.guard(() => {
      this.deleteOnce.immediate(subject);
      // The WAL still holds the page as it was before the delete: copy the zeroed page back and cut
      // the WAL to nothing, so the key's bytes are in no file any more.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  async isErased(subject: string): Promise<boolean> {
    assertSubject(subject);
    return Boolean(this.guard(() => this.stmt.erased.get(subject)));
  }

  async ping(): Promise<void> {
    this.guard(() => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    await this.walSync?.drain();
    this.walSync?.close();
    if (this.db.open) this.db.close();
  }

  private mayNotBeOnDisk(row: KeyRow): boolean {
    if (!this.walSync || row.created_at === undefined) return false;
    return Date.now() - Date.parse(row.created_at) < RECENT_KEY_MS;
  }

  /** Resolves once the new key is on disk; a failed sync fails the command as transient (its retry syncs again). */
  private async synced(): Promise<void> {
    try {
      await this.walSync?.synced();
    } catch (error) {
      throw new TransientStoreError(`Key store could not sync a new key: ${(error as Error).message}`, { cause: error });
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (isTransientSqliteError(error)) throw new TransientStoreError(`Key store failed: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
}

function toKey(subject: string, row: KeyRow): SubjectKey {
  return { subject, keyId: row.key_id, key: Uint8Array.from(row.key) };
}
