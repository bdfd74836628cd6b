/**
 * Right of access (ADR 0013): one part per context. A part writes the context's section of the one
 * export document as a sequence of entries — a single value (`field`) or a list whose items are
 * produced one at a time (`list`), so a long history is written as it is read and never held whole.
 * Parts read their own read models and open sealed values with their context's PersonalDataProtector,
 * as the context's queries do.
 */
export type AccessExportEntry =
  | { readonly field: string; readonly value: unknown }
  | { readonly list: string; readonly items: AsyncIterable<unknown> | Iterable<unknown> };

export interface AccessExportPart {
  /** The section's key in the document: the context's name. */
  readonly section: string;
  export(customerId: string): AsyncIterable<AccessExportEntry>;
}

/** A page of a read-model query, as the contexts' paged queries answer. */
export interface AccessExportPage<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string | null;
}

/** Every item of a paged query, one page in memory at a time. */
export async function* everyPage<T>(page: (after: string | undefined) => Promise<AccessExportPage<T>>): AsyncIterable<T> {
  let after: string | undefined;
  do {
    const found = await page(after);
    yield* found.items;
    after = found.nextCursor ?? undefined;
  } while (after);
}
