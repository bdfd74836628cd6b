import {
  TransientStoreError,
  UniqueConstraintError,
  assertCollectionName,
  assertDocumentId,
  encodeCursor,
  normaliseFindOptions,
  sortValueOf,
  type DocumentStore,
  type DocumentWrite,
  type Filter,
  type FindOptions,
  type IndexBuildOptions,
  type IndexSpec,
  type Page,
  type StoredDocument,
  type WriteOutcome,
  type CheckpointWrite,
} from '@c360/kernel';
import type { Statement, Transaction } from 'better-sqlite3';
import { isTransientSqliteError, migrate, openSqlite, type SqliteDatabase, type SqliteOptions } from '../sqlite-connection';
import { CHECKPOINT_SCHEMA } from '../checkpoints/checkpoint-schema';
import { SqliteProcessorLeases } from '../checkpoints/sqlite-processor-leases';
import { applyUpdate } from './apply-update';
import { indexStatement } from './index-statement';
import { afterCursor, orderBy, whereClause } from './sql-filter';
import { swapCollection, type SwapRequest } from './swap-collection';
import { startBackgroundCheckpointer, type BackgroundCheckpointer } from '../wal/background-checkpointer';

/** Prepared statements kept at most (reads by SQL text, writes per collection). */
const QUERY_STATEMENTS_KEPT = 2_000;

interface DocumentRow {
  readonly id: string;
  readonly position: number;
  readonly deleted: number;
  readonly doc: string | null;
}

/**
 * Read models on SQLite: one table per collection (`rm_<collection>`), documents as JSON, the
 * position guard in its own column. A batch of writes and its checkpoint commit in one transaction.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly db: SqliteDatabase;
  private readonly known = new Set<string>();
  private readonly statements = new Map<string, Statement>();
  /** IMMEDIATE: it reads guards and then writes, and another connection (the other thread) may write too. */
  private readonly writeBatch: Transaction<(writes: readonly DocumentWrite[], checkpoint?: CheckpointWrite) => WriteOutcome>;

  private readonly walPurge: NodeJS.Timeout | undefined;
  /** Only for a file this store opened itself: whoever passes a `database` owns its checkpoints. */
  private readonly checkpointer: BackgroundCheckpointer | undefined;

  constructor(options: (SqliteOptions & { readonly walPurgeIntervalMs?: number }) | { readonly database: SqliteDatabase }) {
    this.db = 'database' in options ? options.database : openSqlite(options);
    if ('file' in options && options.secureDelete) {
      // Erased personal data leaves the main file at once (secure_delete), but older page images stay in
      // the WAL until it is checkpointed: truncate it regularly so they do not outlive the erasure by more
      // than this interval (default one minute).
      this.walPurge = setInterval(() => void this.flushErasures().catch(() => undefined), options.walPurgeIntervalMs ?? 60_000); // tried again next time
      this.walPurge.unref();
    }
    migrate(this.db, 'checkpoints', CHECKPOINT_SCHEMA);
    this.checkpointer = 'database' in options ? undefined : startBackgroundCheckpointer(this.db, options);
    const saveCheckpoint = this.db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    const leases = new SqliteProcessorLeases(this.db);
    this.writeBatch = this.db.transaction((writes: readonly DocumentWrite[], checkpoint?: CheckpointWrite) => {
      // A holder whose lease was taken over writes nothing: neither its documents nor its checkpoint.
      if (checkpoint) leases.assertFence(checkpoint.name, checkpoint.fence);
      const applied = this.applyWrites(writes);
      if (checkpoint) saveCheckpoint.run(checkpoint.name, checkpoint.position);
      return { applied, skipped: writes.length - applied };
    });
  }

  async get<T>(collection: string, id: string): Promise<StoredDocument<T> | null> {
    assertDocumentId(id);
    const row = this.guard(() => this.tableExists(collection) && this.statement(collection, 'get').get(id)) as
      DocumentRow | undefined | false;
    return row && !row.deleted ? toDocument<T>(row) : null;
  }

  async getMany<T>(collection: string, ids: readonly string[]): Promise<StoredDocument<T>[]> {
    if (ids.length === 0 || !this.tableExists(collection)) return [];
    ids.forEach(assertDocumentId);
    const rows: DocumentRow[] = [];
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const sql = `SELECT id, position, deleted, doc FROM ${table(collection)} WHERE id IN (${chunk.map(() => '?').join(',')})`;
      rows.push(...(this.guard(() => this.query(collection, sql).all(...chunk)) as DocumentRow[]));
    }
    return rows.filter((row) => !row.deleted).map((row) => toDocument<T>(row));
  }

  async find<T>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<Page<T>> {
    const { sort, limit, after, fields } = normaliseFindOptions(options);
    const where = whereClause(filter);
    if (!this.tableExists(collection)) return { items: [] };
    const conditions = [where.sql];
    const params = [...where.params];
    if (after) {
      const cursor = afterCursor(sort, after.value, after.id);
      conditions.push(cursor.sql);
      params.push(...cursor.params);
    }
    // The limit is written into the SQL, not bound: SQLite re-plans a statement on every run whose
    // LIMIT is a bound parameter (it reads the value for the planner), which tripled a small read's cost.
    // `limit` is an integer from 1 to MAX_PAGE_SIZE (normaliseFindOptions), so the texts stay few.
    const sql = `SELECT id, position, deleted, ${fields ? selectedDoc(fields) : 'doc'} FROM ${table(collection)} WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy(sort)} LIMIT ${limit + 1}`;
    const rows = this.guard(() => this.query(collection, sql).all(...params)) as DocumentRow[];
    const items = rows.slice(0, limit).map((row) => toDocument<T>(row));
    const last = items[items.length - 1] as Record<string, unknown> | undefined;
    return rows.length > limit && last ? { items, nextCursor: encodeCursor(sortValueOf(last, sort.field), last._id as string) } : { items };
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    const where = whereClause(filter);
    if (!this.tableExists(collection)) return 0;
    return this.guard(
      () =>
        this.query(collection, `SELECT count(*) FROM ${table(collection)} WHERE ${where.sql}`)
          .pluck()
          .get(...where.params) as number,
    );
  }

  async write(writes: readonly DocumentWrite[], checkpoint?: CheckpointWrite): Promise<WriteOutcome> {
    for (const write of writes) {
      assertCollectionName(write.collection);
      assertDocumentId(write.id);
      if (!Number.isSafeInteger(write.position))
        throw new TypeError(`Write to ${write.collection}/${write.id}: position must be an integer`);
    }
    try {
      // Creating a table writes too: on a full disk it fails like the batch, as a transient fault.
      return this.guard(() => {
        for (const collection of new Set(writes.map((write) => write.collection))) this.ensureTable(collection);
        return this.writeBatch.immediate(writes, checkpoint);
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      const collection = writes.find((write) => (error as Error).message.includes(`rm_${write.collection}`))?.collection;
      throw new UniqueConstraintError(collection ?? writes[0]?.collection ?? '?', (error as Error).message, { cause: error });
    }
  }

  async ensureIndex(collection: string, index: IndexSpec, options: IndexBuildOptions = {}): Promise<void> {
    this.ensureTable(collection);
    const create = indexStatement(this.db, collection, index);
    if (create === undefined) return;
    if (options.holdsPersonalData !== false) return void this.guard(() => this.db.exec(create));
    // The connection sorts in memory (temp_store = MEMORY): personal data never reaches a temporary file.
    // Keys without any may spill, so a build over a million documents runs in bounded memory.
    this.db.pragma('temp_store = FILE');
    try {
      this.guard(() => this.db.exec(create));
    } finally {
      this.db.pragma('temp_store = MEMORY');
    }
  }

  /** CollectionSwitchOver: one transaction of the read-model file, so the live projector may run through it. */
  readonly switchOverIsAtomic = true;

  /** Replaces a live collection by a rebuilt one, atomically with its checkpoint (see swap-collection.ts). */
  swapCollection(request: SwapRequest): boolean {
    assertCollectionName(request.staging);
    assertCollectionName(request.live);
    this.ensureTable(request.staging); // a rebuild that produced no document swaps in an empty collection
    const swapped = this.guard(() => swapCollection(this.db, request));
    for (const collection of [request.staging, request.live]) {
      this.known.delete(collection);
      for (const key of [...this.statements.keys()]) if (key.startsWith(`${collection}/`)) this.statements.delete(key);
    }
    return swapped;
  }

  async dropCollection(collection: string): Promise<void> {
    assertCollectionName(collection);
    this.db.exec(`DROP TABLE IF EXISTS ${table(collection)}`);
    this.known.delete(collection);
    for (const key of [...this.statements.keys()]) if (key.startsWith(`${collection}/`)) this.statements.delete(key);
  }

  async ping(): Promise<void> {
    this.guard(() => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    if (this.walPurge) clearInterval(this.walPurge);
    await this.checkpointer?.close();
    if (this.db.open) this.db.close();
  }

  /** Erasure: the WAL's older page images (which may hold overwritten personal data) are removed now. */
  async flushErasures(): Promise<void> {
    if (this.checkpointer) await this.checkpointer.whileIdle(() => this.purgeWal());
    else this.purgeWal();
  }

  /** Copies the WAL into the database and truncates it (skipped quietly while readers hold it); through flushErasures, never during a background pass. */
  private purgeWal(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Replaces and deletes go through one guarded upsert per PUTS_PER_STATEMENT documents of a collection
   * (a statement per row cost a third more CPU); updates read the row first, one at a time. Writes keep
   * their order: a run of puts is flushed before an update, and at a change of collection.
   */
  private applyWrites(writes: readonly DocumentWrite[]): number {
    let applied = 0;
    let run: { collection: string; params: unknown[] } | undefined;
    const flush = () => {
      if (run) applied += this.putRows(run.collection, run.params);
      run = undefined;
    };
    for (const write of writes) {
      if (write.kind === 'update') {
        flush();
        if (this.applyUpdateWrite(write)) applied++;
        continue;
      }
      if (run && run.collection !== write.collection) flush();
      run ??= { collection: write.collection, params: [] };
      // The position guard is in the statement itself: a replay of an older write changes no row, and
      // no read precedes the write (a projection already loaded what it folded).
      const doc = write.kind === 'replace' ? JSON.stringify(withoutMeta(write.doc)) : null;
      run.params.push(write.id, write.position, doc === null ? 1 : 0, doc);
      if (run.params.length === PUTS_PER_STATEMENT * PUT_COLUMNS) flush();
    }
    flush();
    return applied;
  }

  /** Rows as (id, position, deleted, doc) quadruples: full statements of PUTS_PER_STATEMENT rows, then single rows. */
  private putRows(collection: string, params: readonly unknown[]): number {
    const rows = params.length / PUT_COLUMNS;
    if (rows === PUTS_PER_STATEMENT) return this.statement(collection, 'guarded-puts').run(params).changes;
    let changed = 0;
    for (let offset = 0; offset < params.length; offset += PUT_COLUMNS)
      changed += this.statement(collection, 'guarded-put').run(params.slice(offset, offset + PUT_COLUMNS)).changes;
    return changed;
  }

  private applyUpdateWrite(write: Extract<DocumentWrite, { kind: 'update' }>): boolean {
    const current = this.statement(write.collection, 'get').get(write.id) as DocumentRow | undefined;
    if (current && current.position >= write.position) return false;
    const existing = current && !current.deleted && current.doc !== null ? (JSON.parse(current.doc) as Record<string, unknown>) : undefined;
    if (existing === undefined && write.upsert === false) return false;
    const doc = applyUpdate(existing, write.update);
    this.statement(write.collection, 'put').run(write.id, write.position, doc === null ? 1 : 0, doc === null ? null : JSON.stringify(doc));
    return true;
  }

  private statement(collection: string, kind: StatementKind): Statement {
    const key = `${collection}/${kind}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(STATEMENTS[kind](table(collection)));
      this.statements.set(key, statement);
    }
    return statement;
  }

  /**
   * A read's prepared statement, kept by its SQL text: preparing took an eighth of a 360 read's CPU
   * (profile in docs/benchmarks.md). The SQL holds placeholders and a page's limit, so the distinct texts
   * are the query shapes by limit; the oldest is dropped past QUERY_STATEMENTS_KEPT. Keyed under the collection, so a
   * swap or drop forgets them with the collection's other statements.
   */
  private query(collection: string, sql: string): Statement {
    const key = `${collection}/q:${sql}`;
    let statement = this.statements.get(key);
    if (statement) return statement;
    statement = this.db.prepare(sql);
    if (this.statements.size >= QUERY_STATEMENTS_KEPT) this.statements.delete(this.statements.keys().next().value!);
    this.statements.set(key, statement);
    return statement;
  }

  private tableExists(collection: string): boolean {
    assertCollectionName(collection);
    if (this.known.has(collection)) return true;
    const found = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(`rm_${collection}`);
    if (found) this.known.add(collection);
    return Boolean(found);
  }

  private ensureTable(collection: string): void {
    if (this.tableExists(collection)) return;
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table(collection)} (
         id TEXT PRIMARY KEY, position INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, doc TEXT)`,
    );
    this.known.add(collection);
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (isTransientSqliteError(error)) {
        throw new TransientStoreError(`Read-model store failed: ${(error as Error).message}`, { cause: error });
      }
      throw error;
    }
  }
}

/** Documents per multi-row upsert: 32 × 4 parameters, far below SQLite's limit of 32,766. */
const PUTS_PER_STATEMENT = 32;
const PUT_COLUMNS = 4;

const UPSERT = (
  rm: string,
  rows = 1,
) => `INSERT INTO ${rm} (id, position, deleted, doc) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}
  ON CONFLICT (id) DO UPDATE SET position = excluded.position, deleted = excluded.deleted, doc = excluded.doc`;

type StatementKind = 'get' | 'put' | 'guarded-put' | 'guarded-puts';

/** A row of a multi-row upsert that conflicts with an earlier row of the same statement sees that row: order is kept. */
const STATEMENTS: Record<StatementKind, (rm: string) => string> = {
  get: (rm) => `SELECT id, position, deleted, doc FROM ${rm} WHERE id = ?`,
  put: UPSERT,
  'guarded-put': (rm) => `${UPSERT(rm)} WHERE excluded.position > ${rm}.position`,
  'guarded-puts': (rm) => `${UPSERT(rm, PUTS_PER_STATEMENT)} WHERE excluded.position > ${rm}.position`,
};

function table(collection: string): string {
  assertCollectionName(collection);
  return `"rm_${collection}"`;
}

/** The selected fields, cut out inside SQLite (merge-patching onto `{}` drops the absent ones): nothing else is decoded. Names are checked by normaliseFindOptions. */
function selectedDoc(fields: readonly string[]): string {
  return `json_patch('{}', json_object(${fields.map((field) => `'${field}', doc -> '$.${field}'`).join(', ')})) AS doc`;
}

function toDocument<T>(row: DocumentRow): StoredDocument<T> {
  // Assigned, not spread: V8 (Node 20) copying an object and adding keys to the copy costs 2–4 µs a
  // document (measured), assigning them to the freshly parsed object a tenth of that.
  const doc = JSON.parse(row.doc ?? '{}') as StoredDocument<T> & { _id: string; _position: number };
  doc._id = row.id;
  doc._position = row.position;
  return doc;
}

/** The document as stored: the store's own fields left out (copied only when it has them: projectors write plain documents). */
function withoutMeta(doc: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (!('_id' in doc) && !('_position' in doc)) return doc;
  const { _id: _ignoredId, _position: _ignoredPosition, ...rest } = doc;
  return rest;
}
