import { hash } from 'node:crypto';

/**
 * One link of the embedded log's hash chain (issue 18, ADR 0025): SHA-256 over the previous event's
 * hash followed by the UTF-8 of the event's stored fields, in a fixed order, separated by U+001F.
 * The store computes it when it appends, the backfill and `verify-log` recompute it from the file, so
 * this is the one place that says what is hashed. Changing the format would break every stored chain.
 */

/** The fields the hash covers, in this order, as stored. */
export interface ChainedFields {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly data: string;
  readonly metadata: string;
}

/** The hash before the first event. */
export const GENESIS = Buffer.alloc(32);

const SEPARATOR = '\u001f';

/** The text a link covers after the previous hash. */
export function chainMessage(
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  occurredAt: string,
  data: string,
  metadata: string,
): string {
  return (
    position +
    SEPARATOR +
    eventId +
    SEPARATOR +
    streamId +
    SEPARATOR +
    revision +
    SEPARATOR +
    type +
    SEPARATOR +
    schemaVersion +
    SEPARATOR +
    occurredAt +
    SEPARATOR +
    data +
    SEPARATOR +
    metadata
  );
}

/**
 * `chainMessage` of a stored row, assembled by SQLite: reading one string per row instead of nine
 * values is most of what makes `verify-log` fast. SQLite prints integers as JavaScript does, so for
 * an untouched row it is the very text the store hashed when it appended; it is NULL when a column is.
 */
export const CHAIN_MESSAGE_SQL =
  'position || char(31) || event_id || char(31) || stream_id || char(31) || revision || char(31) || type || char(31) || ' +
  'schema_version || char(31) || occurred_at || char(31) || data || char(31) || metadata';

/**
 * Where `linkDigest` lays out the previous hash and the message for a one-shot `crypto.hash`: one
 * reused buffer instead of a Hash object, three native calls and their copies per event. Safe to share
 * because hashing is synchronous. Messages larger than the cap get a buffer of their own, so that one
 * huge event does not keep megabytes alive for the life of the process.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);
const SCRATCH_CAP = 1024 * 1024;

/**
 * The hash of one event, given the previous hash (bytes, or a digest as `linkDigest` returns it) and
 * the event's `chainMessage`, as a latin1 string: 32 characters, one per byte. That is the cheapest
 * form `crypto.hash` returns (0.4–0.5 µs here, against 1.0–1.3 µs for a Buffer, which needs a backing
 * store of its own); the appender writes it into one buffer per INSERT, see `linkMessage` for bytes.
 */
export function linkDigest(previous: Uint8Array | string, message: string): string {
  // UTF-8 needs at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
  const bound = previous.length + 3 * message.length;
  let buffer = scratch;
  if (bound > buffer.length) {
    buffer = Buffer.allocUnsafe(bound);
    if (bound <= SCRATCH_CAP) scratch = buffer;
  }
  if (typeof previous === 'string') buffer.write(previous, 0, 'latin1');
  else buffer.set(previous, 0);
  const length = previous.length + buffer.write(message, previous.length, 'utf8');
  return hash('sha256', buffer.subarray(0, length), 'binary'); // 'binary' is Node's name for latin1
}

/** `linkDigest` as bytes. */
export function linkMessage(previous: Uint8Array | string, message: string): Buffer {
  return Buffer.from(linkDigest(previous, message), 'latin1');
}

const expected = Buffer.allocUnsafe(32);

/** Whether the stored hash is the one `linkDigest` computes (no buffer allocated per event). */
export function linkMatches(previous: Uint8Array | string, message: string, stored: Uint8Array): boolean {
  expected.write(linkDigest(previous, message), 0, 'latin1');
  return expected.equals(stored);
}

/** `link()`: the hash of one event, covering the previous one. */
export function link(previous: Uint8Array, event: ChainedFields): Buffer {
  return linkMessage(
    previous,
    chainMessage(
      event.position,
      event.eventId,
      event.streamId,
      event.revision,
      event.type,
      event.schemaVersion,
      event.occurredAt,
      event.data,
      event.metadata,
    ),
  );
}
