import { NO_STREAM_REVISION, type ExpectedRevision } from './event-store.port';

/** The port's rule for `expectedRevision`, checked the same way by every adapter: bad input names the option. */
export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 0) return;
  throw new TypeError(
    `expectedRevision must be a revision (integer >= 0), "no_stream", "stream_exists" or "any" (got ${JSON.stringify(expected)})`,
  );
}

/** Whether a stream at revision `current` (NO_STREAM_REVISION when absent) accepts an append expecting `expected`. */
export function revisionMatches(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === NO_STREAM_REVISION;
    case 'stream_exists':
      return current !== NO_STREAM_REVISION;
    default:
      return expected === current;
  }
}
