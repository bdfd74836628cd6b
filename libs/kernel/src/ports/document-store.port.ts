/**
 * The read-model port: a small, Mongo-shaped subset that MongoDB implements natively (and FerretDB
 * 1.x supports) and the embedded adapter implements on SQLite with the same semantics.
 *
 * Every write is guarded by the global position of the event that caused it: a write applies only
 * when the stored document's `_position` is lower (or the document is absent). Replaying an event
 * after a crash between write and checkpoint therefore changes nothing. One event writes a document
 * at most once (combine the operators of one event into one write).
 */

export type DocumentId = string;

/** A stored document. `_id` and `_position` are maintained by the store. */
export type StoredDocument<T> = T & { readonly _id: DocumentId; readonly _position: number };

export type Scalar = string | number | boolean | null;

/** Conditions on one field; dotted paths reach into nested objects (`address.city`). */
export interface FieldCondition {
  readonly $eq?: Scalar;
  readonly $ne?: Scalar;
  readonly $gt?: Scalar;
  readonly $gte?: Scalar;
  readonly $lt?: Scalar;
  readonly $lte?: Scalar;
  readonly $in?: readonly Scalar[];
  /** String starts with (case-sensitive; store a normalised field to search case-insensitively). */
  readonly $prefix?: string;
  readonly $exists?: boolean;
}

/**
 * All conditions must hold. A plain value means equality; as in MongoDB, equality on an array field
 * matches when any element is equal.
 */
export type Filter = Readonly<Record<string, Scalar | FieldCondition>>;

export interface SortSpec {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface FindOptions {
  /** Sort field; ties are broken by `_id`. Default: `_id` ascending. */
  readonly sort?: SortSpec;
  /** Page size, 1..1000. Default 100. */
  readonly limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly after?: string;
  /**
   * Only these top-level fields of each document (besides `_id`, `_position` and the sort field), for a
   * listing that needs a field or two of large documents. A field that is null or absent is left out.
   */
  readonly fields?: readonly string[];
}

export interface Page<T> {
  readonly items: StoredDocument<T>[];
  /** Present when more items follow. */
  readonly nextCursor?: string;
}

/** Field-level update operators, as MongoDB's. */
export interface UpdateOperators {
  readonly $set?: Readonly<Record<string, unknown>>;
  readonly $unset?: readonly string[];
  readonly $inc?: Readonly<Record<string, number>>;
  /** Appends one value to an array field (created when missing). */
  readonly $push?: Readonly<Record<string, unknown>>;
  /** Values set only when the write creates the document. */
  readonly $setOnInsert?: Readonly<Record<string, unknown>>;
}

export type DocumentWrite =
  | {
      readonly kind: 'replace';
      readonly collection: string;
      readonly id: DocumentId;
      readonly doc: Readonly<Record<string, unknown>>;
      readonly position: number;
    }
  | {
      readonly kind: 'update';
      readonly collection: string;
      readonly id: DocumentId;
      readonly update: UpdateOperators;
      /** Create the document when absent (default true). */
      readonly upsert?: boolean;
      readonly position: number;
    }
  | {
      /** Removes the document's data; a tombstone keeps `_position` so older events cannot revive it. */
      readonly kind: 'delete';
      readonly collection: string;
      readonly id: DocumentId;
      readonly position: number;
    };

export interface WriteOutcome {
  readonly applied: number;
  /** Writes refused by the position guard (already applied). */
  readonly skipped: number;
}

export interface IndexSpec {
  readonly fields: readonly string[];
  readonly unique?: boolean;
}

export interface IndexBuildOptions {
  readonly holdsPersonalData?: boolean;
}

export interface DocumentStore {
  get<T>(collection: string, id: DocumentId): Promise<StoredDocument<T> | null>;
  getMany<T>(collection: string, ids: readonly DocumentId[]): Promise<StoredDocument<T>[]>;
  find<T>(collection: string, filter?: Filter, options?: FindOptions): Promise<Page<T>>;
  count(collection: string, filter?: Filter): Promise<number>;
  /**
   * Applies writes in order. When a checkpoint is given it is stored with them; the embedded adapter
   * does both in one transaction, MongoDB writes the checkpoint after the documents (safe because
   * writes are position-guarded).
   */
  write(writes: readonly DocumentWrite[], checkpoint?: CheckpointWrite): Promise<WriteOutcome>;
  /**
   * Builds the index if it is missing. `holdsPersonalData: false` says that no key of the collection is
   * personal data, so an adapter may sort the keys through temporary files (bounded memory) when it
   * builds the index over many documents; otherwise (the default) nothing of it leaves the store's own files.
   */
  ensureIndex(collection: string, index: IndexSpec, options?: IndexBuildOptions): Promise<void>;
  /** Drops a collection (used to rebuild a projection from scratch). */
  dropCollection(collection: string): Promise<void>;
  ping(): Promise<void>;
  /**
   * Makes data that was overwritten or deleted unrecoverable from the store's own files (erasure):
   * SQLite checkpoints and truncates its WAL (secure_delete already zeroes freed cells); MongoDB
   * compacts the collections. Optional: an adapter without such a step leaves old bytes to its engine.
   */
  flushErasures?(): Promise<void>;
  close(): Promise<void>;
}

/** A checkpoint stored with a batch of writes; `fence` as in CheckpointStore.set (the writer's lease token). */
export interface CheckpointWrite {
  readonly name: string;
  readonly position: number;
  readonly fence?: number;
}
