import type { Page, StoredDocument } from '@c360/kernel';

/** One page of a list as clients read it: items without the store's own fields, and the cursor of the next page. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export function listPage<TDoc, TItem>(page: Page<TDoc>, item: (doc: StoredDocument<TDoc>) => TItem): ListPage<TItem> {
  return { items: page.items.map(item), nextCursor: page.nextCursor ?? null };
}

/** The stored document without `_id` and `_position`. */
export function withoutStoreFields<TDoc>(doc: StoredDocument<TDoc>): TDoc {
  const { _id: _ignoredId, _position: _ignoredPosition, ...item } = doc;
  return item as TDoc;
}
