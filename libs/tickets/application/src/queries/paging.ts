import type { DocumentStore, Filter, SortSpec, StoredDocument } from '@c360/kernel';

export interface PageRequest {
  readonly limit?: number;
  readonly after?: string;
}

export interface PageResponse<T> {
  readonly items: T[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;

/** Strips the store's `_id` / `_position` bookkeeping from a read-model document. */
export function plain<T>(doc: StoredDocument<T>): T {
  const { _id: _ignoredId, _position: _ignoredPosition, ...rest } = doc as StoredDocument<T> & Record<string, unknown>;
  return rest as T;
}

export async function findPage<T>(
  documents: DocumentStore,
  collection: string,
  filter: Filter,
  sort: SortSpec,
  page: PageRequest,
): Promise<PageResponse<T>> {
  const found = await documents.find<T>(collection, filter, { sort, limit: page.limit ?? DEFAULT_LIMIT, after: page.after });
  return { items: found.items.map((doc) => plain(doc)), nextCursor: found.nextCursor ?? null };
}
