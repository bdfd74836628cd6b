import {
  KeyedMutex,
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
  type IndexSpec,
  type Page,
  type StoredDocument,
  type WriteOutcome,
  type CheckpointWrite,
  type SwitchOverRequest,
} from '@c360/kernel';
import type { Collection, Filter as MongoFilter } from 'mongodb';
import { MongoServerError } from 'mongodb';
import { MongoCheckpointStore } from '../checkpoints/mongo-checkpoint-store';
import type { MongoConnection } from '../mongo-connection';
import { isDuplicateKey } from '../mongo-errors';
import { afterCursor, toMongoSort } from './mongo-cursor';
import { DELETED, NOT_DELETED, assertQueryField, type ReadModelDocument } from './mongo-fields';
import { toMongoQuery } from './mongo-filter';
import { fromStoredKeys } from './mongo-dollar-keys';
import { planBatch, planWrite, stateKey, validateWrites, type StoredState } from './mongo-write-plan';

/** `$in` lists are cut into chunks of this many ids. */
const ID_CHUNK = 1_000;
/** How often one write is retried when a concurrent writer keeps changing its document. */
const CONCURRENT_ATTEMPTS = 3;

type Planned = ReturnType<typeof planBatch>[number];

/**
 * Read models on MongoDB (and on FerretDB 1.x, which speaks its wire protocol): one collection per
 * read model, documents as they are plus `_position`, tombstones `{ _id, _position, _deleted: true }`.
 *
 * No multi-document transactions (FerretDB 1.x has none, ADR 0005): a batch is planned against the
 * stored positions, sent as ordered bulk writes, each guarded by position, and the checkpoint is
 * stored last. A crash in between leaves documents ahead of the checkpoint; the replay that follows
 * is recognised by the guard and changes nothing.
 *
 * Writes to one collection are serialised inside the process: FerretDB 1.x updates a document by
 * read-modify-write without re-checking the filter, so two concurrent writes to one document can
 * lose one of them (MongoDB itself is atomic per document). Across processes, run one writer per
 * read model (ADR 0005).
 */
export class MongoDocumentStore implements DocumentStore {
  readonly checkpoints: MongoCheckpointStore;
  private readonly writers = new KeyedMutex();

  constructor(private readonly connection: MongoConnection) {
    this.checkpoints = new MongoCheckpointStore(connection);
  }

  async get<T>(collection: string, id: string): Promise<StoredDocument<T> | null> {
    assertDocumentId(id);
    const found = await this.connection.run('read a document', () => this.collection(collection).findOne({ _id: id, ...NOT_DELETED }));
    return fromStoredKeys(found) as unknown as StoredDocument<T> | null;
  }

  async getMany<T>(collection: string, ids: readonly string[]): Promise<StoredDocument<T>[]> {
    const documents = this.collection(collection);
    ids.forEach(assertDocumentId);
    const found: ReadModelDocument[] = [];
    for (let start = 0; start < ids.length; start += ID_CHUNK) {
      const chunk = ids.slice(start, start + ID_CHUNK);
      found.push(...(await this.connection.run('read documents', () => documents.find({ _id: { $in: chunk }, ...NOT_DELETED }).toArray())));
    }
    return fromStoredKeys(found) as unknown as StoredDocument<T>[];
  }

  async find<T>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<Page<T>> {
    const { sort, limit, after, fields } = normaliseFindOptions(options);
    const query = toMongoQuery(filter);
    const where: MongoFilter<ReadModelDocument> = after ? { $and: [query, afterCursor(sort, after.value, after.id)] } : query;
    const documents = this.collection(collection);
    const projection = fields ? Object.fromEntries([...fields, '_position'].map((field) => [field, 1])) : undefined;
    const found = await this.connection.run('find documents', () =>
      documents
        .find(where, projection ? { projection } : {})
        .sort(toMongoSort(sort))
        .limit(limit + 1)
        .toArray(),
    );
    const items = fromStoredKeys(found.slice(0, limit)) as unknown as StoredDocument<T>[];
    const last = items[items.length - 1] as Record<string, unknown> | undefined;
    return found.length > limit && last
      ? { items, nextCursor: encodeCursor(sortValueOf(last, sort.field), last._id as string) }
      : { items };
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    const query = toMongoQuery(filter);
    const documents = this.collection(collection);
    return this.connection.run('count documents', () => documents.countDocuments(query));
  }

  async write(writes: readonly DocumentWrite[], checkpoint?: CheckpointWrite): Promise<WriteOutcome> {
    validateWrites(writes);
    if (checkpoint && (!checkpoint.name || !Number.isSafeInteger(checkpoint.position) || checkpoint.position < 0)) {
      throw new TypeError(`Checkpoint ${JSON.stringify(checkpoint)}: needs a name and a position >= 0`);
    }
    const collections = [...new Set(writes.map((write) => write.collection))].sort();
    const applied = writes.length ? await this.serialised(collections, () => this.applyBatch(writes)) : 0;
    if (checkpoint) await this.checkpoints.set(checkpoint.name, checkpoint.position, checkpoint.fence);
    return { applied, skipped: writes.length - applied };
  }

  async ensureIndex(collection: string, index: IndexSpec): Promise<void> {
    const documents = this.collection(collection);
    if (!Array.isArray(index.fields) || index.fields.length === 0) throw new TypeError('An index needs at least one field');
    index.fields.forEach(assertQueryField);
    const keys = Object.fromEntries(index.fields.map((field) => [field, 1 as const]));
    const name = `${index.unique ? 'ux' : 'ix'}_${index.fields.join('_')}`;
    // Sparse keeps tombstones (which hold no fields) out of a unique index, so an erased identity
    // can be used again. FerretDB 1.x has no partial indexes; see docs/adapters/mongodb.md.
    await this.connection.run('create an index', () =>
      documents.createIndex(keys, index.unique ? { name, unique: true, sparse: true } : { name }),
    );
  }

  /** CollectionSwitchOver: a rename and a checkpoint write, not one transaction — the caller stops the live projector. */
  readonly switchOverIsAtomic = false;

  /**
   * Replaces the live collection by the rebuilt one (its indexes move with it) and sets the live
   * checkpoint, if that checkpoint still reads `expected`. MongoDB renames over the target in one step
   * (`dropTarget`); FerretDB 1.x cannot, so there the live collection is dropped first and readers see
   * it empty for the moment between the two calls (milliseconds).
   */
  async swapCollection(request: SwitchOverRequest): Promise<boolean> {
    assertCollectionName(request.staging);
    assertCollectionName(request.live);
    if ((await this.checkpoints.get(request.checkpoint)) !== request.expected) return false;
    await this.connection.run('switch over a rebuilt collection', async () => {
      const db = this.connection.db;
      if (!(await db.listCollections({ name: request.staging }, { nameOnly: true }).hasNext())) await db.createCollection(request.staging);
      try {
        await db.renameCollection(request.staging, request.live, { dropTarget: true });
      } catch (error) {
        if (!(error instanceof MongoServerError && /dropTarget/.test(error.message))) throw error;
        await this.dropCollection(request.live);
        await db.renameCollection(request.staging, request.live);
      }
    });
    await this.checkpoints.set(request.checkpoint, request.position);
    await this.checkpoints.reset(request.stagingCheckpoint);
    return true;
  }

  async dropCollection(collection: string): Promise<void> {
    const documents = this.collection(collection);
    await this.connection.run('drop a collection', async () => {
      try {
        await documents.drop();
      } catch (error) {
        // Servers before MongoDB 7 answer NamespaceNotFound for a collection that does not exist.
        if (!(error instanceof MongoServerError && error.code === 26)) throw error;
      }
    });
  }

  async ping(): Promise<void> {
    await this.connection.run('answer a ping', (db) => db.command({ ping: 1 }));
  }

  /**
   * Erasure on MongoDB: the overwritten documents' old versions live on in freed storage until the
   * engine reuses it; `compact` rewrites each collection (WiredTiger; FerretDB maps it to its backend's
   * vacuum) and `fsync` makes the rewrite durable. Engines that refuse `compact` are skipped: the write
   * itself already replaced the document, and the raw-file int-spec shows what remains.
   */
  async flushErasures(): Promise<void> {
    await this.connection.run('compact collections', async (db) => {
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      for (const { name } of collections) await db.command({ compact: name, force: true }).catch(() => undefined);
      await db
        .admin()
        .command({ fsync: 1 })
        .catch(() => undefined);
    });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /** Runs `work` holding the write lock of every collection, taken in sorted order (no deadlock). */
  private serialised<T>(collections: readonly string[], work: () => Promise<T>): Promise<T> {
    const locked = collections.reduceRight<() => Promise<T>>((inner, collection) => () => this.writers.run(collection, inner), work);
    return locked();
  }

  private collection(name: string): Collection<ReadModelDocument> {
    assertCollectionName(name);
    return this.connection.db.collection(name);
  }

  /** Plans against stored positions, then sends runs of one collection as ordered bulk writes. */
  private async applyBatch(writes: readonly DocumentWrite[]): Promise<number> {
    const planned = planBatch(writes, await this.storedStates(writes));
    let applied = 0;
    for (let start = 0; start < planned.length;) {
      let end = start + 1;
      while (end < planned.length && planned[end].write.collection === planned[start].write.collection) end++;
      const run = planned.slice(start, end);
      const done = await this.bulk(run);
      applied += done;
      if (done < run.length) {
        // Something changed under the plan (a concurrent writer, a unique index): go on one write at
        // a time from the first one not known to be done. Redoing a write that did apply is safe:
        // the guard skips it.
        for (const write of writes.slice(run[done].index)) if (await this.applyOne(write)) applied++;
        return applied;
      }
      start = end;
    }
    return applied;
  }

  /** How many operations of the run are known to have applied (all of them, unless something changed). */
  private async bulk(run: readonly Planned[]): Promise<number> {
    const documents = this.collection(run[0].write.collection);
    try {
      const result = await this.connection.run('write documents', () =>
        documents.bulkWrite(
          run.map((each) => each.operation),
          { ordered: true },
        ),
      );
      return result.matchedCount + result.upsertedCount === run.length ? run.length : 0;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // MongoDB counts what an ordered bulk write did before its error; FerretDB 1.x reports 0.
      const result = (error as { result?: { matchedCount?: number; upsertedCount?: number } }).result;
      const done = (result?.matchedCount ?? 0) + (result?.upsertedCount ?? 0);
      return Math.min(done, run.length - 1);
    }
  }

  /** One write with a fresh look at its document; E11000 is either the guard or a unique index. */
  private async applyOne(write: DocumentWrite): Promise<boolean> {
    const documents = this.collection(write.collection);
    for (let attempt = 0; attempt < CONCURRENT_ATTEMPTS; attempt++) {
      const before = await this.storedState(write.collection, write.id);
      const operation = planWrite(write, before);
      if (!operation) return false;
      try {
        const result = await this.connection.run('write a document', () => documents.bulkWrite([operation], { ordered: true }));
        if (result.matchedCount + result.upsertedCount === 1) return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const now = await this.storedState(write.collection, write.id);
        if (now && now.position >= write.position) return false; // the guard: something newer is stored
        if (sameState(before, now)) {
          // No transaction to roll back: the writes before this one in the batch stay (ADR 0005).
          throw new UniqueConstraintError(write.collection, `writing "${write.id}" would duplicate a unique key`, { cause: error });
        }
      }
      // The document changed between the look and the write: look again.
    }
    throw new TransientStoreError(`${write.collection}/${write.id} kept changing under a concurrent writer; try again`);
  }

  private async storedStates(writes: readonly DocumentWrite[]): Promise<Map<string, StoredState>> {
    const idsByCollection = new Map<string, Set<string>>();
    for (const write of writes) {
      const ids = idsByCollection.get(write.collection) ?? new Set<string>();
      ids.add(write.id);
      idsByCollection.set(write.collection, ids);
    }
    const states = new Map<string, StoredState>();
    for (const [collection, idSet] of idsByCollection) {
      const ids = [...idSet];
      const documents = this.collection(collection);
      for (let start = 0; start < ids.length; start += ID_CHUNK) {
        const chunk = ids.slice(start, start + ID_CHUNK);
        const found = await this.connection.run('read document positions', () =>
          documents.find({ _id: { $in: chunk } }, { projection: { _position: 1, [DELETED]: 1 } }).toArray(),
        );
        for (const doc of found) states.set(stateKey(collection, doc._id), toState(doc));
      }
    }
    return states;
  }

  private async storedState(collection: string, id: string): Promise<StoredState | undefined> {
    const found = await this.connection.run('read a document position', () =>
      this.collection(collection).findOne({ _id: id }, { projection: { _position: 1, [DELETED]: 1 } }),
    );
    return found ? toState(found) : undefined;
  }
}

function sameState(a: StoredState | undefined, b: StoredState | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.position === b.position && a.deleted === b.deleted;
}

function toState(doc: Pick<ReadModelDocument, '_position' | '_deleted'>): StoredState {
  return { position: doc._position, deleted: doc._deleted === true };
}
