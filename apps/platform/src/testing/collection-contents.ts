import type { DocumentStore } from '@c360/kernel';

/** Every document of a collection, in id order, without the store's `_position`: what two builds of a read model compare on. */
export async function collectionContents(documents: DocumentStore, collection: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let after: string | undefined;
  do {
    const page = await documents.find<Record<string, unknown>>(collection, {}, { limit: 1_000, after });
    all.push(...page.items.map(({ _position: _ignored, ...doc }) => doc));
    after = page.nextCursor;
  } while (after);
  return all;
}
