import type { AppendResult, ExpectedRevision, NewEvent } from '@c360/kernel';
import { splitBySize } from '../mapping/append-size';
import { encodeNewEvents } from '../mapping/event-codec';

export interface ImportResult extends AppendResult {
  /** How many appends the import took (1 when it fitted in one). */
  readonly appends: number;
}

type Append = (events: readonly NewEvent[], expectedRevision: ExpectedRevision) => Promise<AppendResult>;

/**
 * A stream's history copied in (the store migration path: SQLite → EventStoreDB), in as few appends
 * as fit under the server's `MaxAppendSize`. Each append is atomic and expects the revision the one
 * before it left, so the events land in order, and nobody else can interleave. Unlike
 * `appendToStream`, the import as a whole is not atomic: if it stops half-way, the stream holds a
 * prefix of the history, and running the same import again answers the stored appends as duplicates
 * (their event ids) and continues after them.
 *
 * Returns undefined when one event alone is over the limit; the caller refuses the import.
 */
export async function importInAppends(
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
  maxAppendSize: number,
  append: Append,
): Promise<ImportResult | undefined> {
  const encoded = encodeNewEvents(streamId, events).map((event, index) => ({ ...event, index }));
  const runs = splitBySize(encoded, maxAppendSize);
  if (!runs) return undefined;
  let expected = expectedRevision;
  let last: AppendResult | undefined;
  let allDuplicates = true;
  for (const run of runs) {
    last = await append(
      run.map((event) => events[event.index]),
      expected,
    );
    allDuplicates &&= last.duplicate;
    expected = last.nextExpectedRevision;
  }
  const result = last as AppendResult;
  return { ...result, duplicate: allDuplicates, appends: runs.length };
}
