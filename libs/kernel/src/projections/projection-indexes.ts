import type { DocumentStore, IndexBuildOptions, IndexSpec } from '../ports/document-store.port';

/**
 * When a projection's indexes are built. Keeping a secondary index while writing costs one random
 * B-tree insert per document, and a batch of random inserts dirties about one page per document: on
 * SQLite a timeline entry cost 25 µs of CPU with its `(customerId, at)` index and 5 µs without it,
 * while one CREATE INDEX over 300,000 entries took half a second (ADR 0030). So a projection that
 * starts from an empty collection (a new version, a rebuild, a fresh read store) builds its
 * non-unique indexes once it has caught up with the log; unique indexes are constraints and come
 * first. A collection that already holds documents gets every index at once (idempotent). The late
 * build of a collection without personal data may sort through temporary files: kept in memory, the
 * sort of a million keys raised a rebuild's RSS by about 350 MiB.
 */
export class ProjectionIndexes {
  private deferred: readonly IndexSpec[] = [];
  private building: Promise<void> | undefined;

  constructor(
    private readonly documents: DocumentStore,
    private readonly collection: string,
    private readonly indexes: readonly IndexSpec[],
    /** From the projection's `readsPersonalData`: whether the build may sort through temporary files. */
    private readonly build: IndexBuildOptions = {},
  ) {}

  /** Before the projection starts: every index, or only the unique ones when the collection is empty. */
  async prepare(): Promise<void> {
    if (this.indexes.length === 0) return;
    const empty = (await this.documents.find(this.collection, {}, { limit: 1 })).items.length === 0;
    this.deferred = empty ? this.indexes.filter((index) => !index.unique) : [];
    for (const index of this.indexes) if (!this.deferred.includes(index)) await this.documents.ensureIndex(this.collection, index);
  }

  /** Caught up: builds what `prepare` left for later (once; a caller during the build waits for the same build). */
  complete(): Promise<void> {
    if (this.deferred.length === 0) return Promise.resolve();
    this.building ??= this.buildDeferred().finally(() => (this.building = undefined));
    return this.building;
  }

  /** True while non-unique indexes wait for the catch-up to end (reads of the collection scan meanwhile). */
  get pending(): boolean {
    return this.deferred.length > 0;
  }

  private async buildDeferred(): Promise<void> {
    for (const index of this.deferred) await this.documents.ensureIndex(this.collection, index, this.build);
    this.deferred = []; // only once all are built: a failed build (a full disk) is tried again at the next catch-up
  }
}
