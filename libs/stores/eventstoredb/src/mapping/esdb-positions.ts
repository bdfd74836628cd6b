import type { EsdbPosition } from '../client/esdb-client';

/**
 * EventStoreDB positions ↔ the port's numeric positions (docs/adr/0004-eventstoredb-positions.md).
 *
 * Every event written through gRPC is self-committed: in `$all` reads, stream reads and live
 * subscriptions alike its position is `{ commit: P, prepare: P }`, where P is the byte offset of the
 * event's record in the transaction log. P is unique per event and increases in `$all` order, so it
 * is the port's `position`. A checkpoint N maps back to `{ commit: N, prepare: N }`: the position
 * of an existing event record, from which a forwards read starts (inclusive) and a subscription
 * starts (exclusive).
 */

/** Numbers past 2^53 − 1 (8 PiB of log) would silently lose precision: refuse them loudly. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `${what} ${value} is outside 0..Number.MAX_SAFE_INTEGER; this adapter maps EventStoreDB positions and revisions to JavaScript numbers`,
    );
  }
  return Number(value);
}

/** The port position of a recorded event. */
export function eventPosition(position: EsdbPosition | undefined, eventId: string): number {
  // @eventstore/db-client never leaves the position out: convertGrpcRecord (dist/utils/convertGrpcEvent.js)
  // reads the protobuf fields, which default to "0", so a server that reports none (before 22.6, on
  // stream reads) shows (0, 0). No event lies at 0: the log opens with the epoch record.
  if (!position || (position.commit === 0n && position.prepare === 0n)) {
    throw new Error(`EventStoreDB did not report the position of event ${eventId}; this adapter needs EventStoreDB 22.6 or later`);
  }
  if (position.commit !== position.prepare) {
    throw new Error(
      `Event ${eventId} has commit position ${position.commit} and prepare position ${position.prepare}: it was written in ` +
        'an explicit transaction (legacy TCP clients), which this adapter cannot order by one number',
    );
  }
  return toSafeNumber(position.prepare, `Position of event ${eventId}`);
}

/** The EventStoreDB position to resume from for a port checkpoint (an event position we handed out). */
export function checkpointPosition(checkpoint: number): EsdbPosition {
  if (!Number.isSafeInteger(checkpoint) || checkpoint < 0) {
    throw new TypeError(`A position must be an integer >= 0 (got ${JSON.stringify(checkpoint)})`);
  }
  const value = BigInt(checkpoint);
  return { commit: value, prepare: value };
}

/**
 * A server checkpoint we may hand out as `lastPosition`, or undefined. Only positions that name an
 * event record qualify: catch-up pages also report page boundaries (`{ commit: postPosition,
 * prepare: 0 }`, or `{0, 0}` at the start), and resuming a subscription from a position that is not
 * an event's would skip the first event after it.
 */
export function resumableCheckpoint(position: EsdbPosition): number | undefined {
  if (position.commit !== position.prepare || position.commit <= 0n) return undefined;
  // Never throw on what a server sends as a checkpoint: some 24.10 builds send TFPos.HeadOfTf as
  // (2^64 − 1, 2^64 − 1) (Enumerator.AllSubscriptionFiltered, a filtered subscription from the start
  // that matched nothing on a log shorter than the checkpoint interval). No real log position reaches
  // 2^63 (the server's positions are signed 64-bit), nor, in practice, 2^53.
  if (position.commit >= SENTINEL_FLOOR || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(position.commit);
}

/** At or above this, a server checkpoint is a sentinel, never a log position (TFPos is a pair of Int64). */
const SENTINEL_FLOOR = 2n ** 63n;

/** The port position of an append: the commit position, which is the last event's own position. */
export function appendPosition(position: EsdbPosition, streamId: string): number {
  return toSafeNumber(position.commit, `Position of the append to "${streamId}"`);
}

export function toRevision(revision: bigint, streamId: string): number {
  return toSafeNumber(revision, `Revision of "${streamId}"`);
}
