import type { DocumentStore, IndexBuildOptions, IndexSpec, Page, StoredDocument } from '../ports/document-store.port';
import { TransientStoreError } from '../errors/store-errors';
import { ProjectionIndexes } from './projection-indexes';

/** Holds `size` documents and records the indexes built, in order; `failNext` makes the next build fail like a full disk. */
class IndexRecorder implements Pick<DocumentStore, 'find' | 'ensureIndex'> {
  readonly built: string[] = [];
  failNext = false;
  constructor(private readonly size: number) {}
  async find<T>(): Promise<Page<T>> {
    return { items: Array.from({ length: Math.min(this.size, 1) }, (_, n) => ({ _id: `d${n}`, _position: n }) as StoredDocument<T>) };
  }
  readonly options: (IndexBuildOptions | undefined)[] = [];
  async ensureIndex(_collection: string, index: IndexSpec, options?: IndexBuildOptions) {
    this.options.push(options);
    if (this.failNext) {
      this.failNext = false;
      throw new TransientStoreError('database or disk is full');
    }
    this.built.push(`${index.unique ? 'unique ' : ''}${index.fields.join(',')}`);
  }
}

const INDEXES: IndexSpec[] = [{ fields: ['customerId', 'at'] }, { fields: ['email'], unique: true }, { fields: ['status'] }];
const indexesOn = (store: IndexRecorder, build: IndexBuildOptions = { holdsPersonalData: false }) =>
  new ProjectionIndexes(store as unknown as DocumentStore, 'c_v1', INDEXES, build);

describe('ProjectionIndexes', () => {
  it('into an empty collection builds the unique indexes first and the others once caught up', async () => {
    const store = new IndexRecorder(0);
    const indexes = indexesOn(store);
    await indexes.prepare();
    expect(store.built).toEqual(['unique email']);
    expect(indexes.pending).toBe(true);
    await indexes.complete();
    expect(store.built).toEqual(['unique email', 'customerId,at', 'status']);
    expect(indexes.pending).toBe(false);
    // Only the late build of keys without personal data may sort through temporary files.
    expect(store.options).toEqual([undefined, { holdsPersonalData: false }, { holdsPersonalData: false }]);
    await indexes.complete(); // every later catch-up costs nothing
    expect(store.built).toHaveLength(3);
  });

  it('on a collection that holds documents builds every index at once', async () => {
    const store = new IndexRecorder(5);
    const indexes = indexesOn(store);
    await indexes.prepare();
    expect(store.built).toEqual(['customerId,at', 'unique email', 'status']);
    expect(indexes.pending).toBe(false);
  });

  it('callers during the build share it, and a failed build is tried again at the next catch-up', async () => {
    const store = new IndexRecorder(0);
    const indexes = indexesOn(store);
    await indexes.prepare();
    store.failNext = true;
    await expect(indexes.complete()).rejects.toThrow('disk is full');
    expect(indexes.pending).toBe(true);
    await Promise.all([indexes.complete(), indexes.complete()]);
    expect(store.built).toEqual(['unique email', 'customerId,at', 'status']);
  });
});
