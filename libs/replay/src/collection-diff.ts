import type { DocumentStore } from '@c360/kernel';
import { isDeepStrictEqual } from 'node:util';

/** One document that differs between the stored read model and the one recomputed from the log. */
export interface DocumentDifference {
  readonly collection: string;
  readonly id: string;
  /** `missing`: recomputed but not stored; `unexpected`: stored but not recomputed; `changed`: both, unequal. */
  readonly kind: 'missing' | 'unexpected' | 'changed';
  /** Top-level fields whose values differ (for `changed`). */
  readonly fields?: readonly string[];
  readonly stored?: unknown;
  readonly recomputed?: unknown;
}

type Doc = Record<string, unknown> & { _id: string };

/** Pages through a collection in `_id` order. */
async function* documentsOf(store: DocumentStore, collection: string): AsyncGenerator<Doc> {
  let after: string | undefined;
  do {
    const page = await store.find<Record<string, unknown>>(collection, {}, { limit: 1_000, after });
    for (const item of page.items) {
      const { _position: _ignored, ...doc } = item;
      yield doc as Doc;
    }
    after = page.nextCursor;
  } while (after);
}

/**
 * Compares two collections document by document (a merge of two `_id`-ordered streams, so memory stays
 * flat). The store's position metadata is not compared: a rebuild folds the same events, in one batch.
 */
export async function* diffCollections(
  stored: DocumentStore,
  recomputed: DocumentStore,
  collection: string,
): AsyncGenerator<DocumentDifference> {
  const left = documentsOf(stored, collection);
  const right = documentsOf(recomputed, collection);
  let a = await left.next();
  let b = await right.next();
  while (!a.done || !b.done) {
    if (b.done || (!a.done && a.value._id < b.value._id)) {
      const doc = a.value as Doc;
      yield { collection, id: doc._id, kind: 'unexpected', stored: doc };
      a = await left.next();
    } else if (a.done || b.value._id < a.value._id) {
      yield { collection, id: b.value._id, kind: 'missing', recomputed: b.value };
      b = await right.next();
    } else {
      if (!isDeepStrictEqual(a.value, b.value)) {
        const keys = new Set([...Object.keys(a.value), ...Object.keys(b.value)]);
        const fields = [...keys].filter((key) => !isDeepStrictEqual(a.value[key], (b.value as Doc)[key])).sort();
        yield { collection, id: a.value._id, kind: 'changed', fields, stored: a.value, recomputed: b.value };
      }
      a = await left.next();
      b = await right.next();
    }
  }
}
