import { CorruptEventError } from '@c360/kernel';
import type { SqliteDatabase } from '../sqlite-connection';
import { CHAIN_MESSAGE_SQL, GENESIS, linkMatches, linkMessage } from './chain-link';

export { GENESIS, link, type ChainedFields } from './chain-link';

/**
 * Tamper evidence for the embedded log (issue 18): every event stores a SHA-256 over the previous
 * event's hash and its own content, position included. Altering, removing or reordering a stored
 * event breaks the chain at that event. Erasure deletes keys, never events, so it leaves the chain
 * intact. The hash covers the stored (sealed) bytes, so verifying needs no keys. What one link covers
 * is in chain-link.ts.
 */

/** Schema step: the column (existing rows are hashed by `backfillChain` right after). */
export const ADD_HASH_COLUMN = 'ALTER TABLE events ADD COLUMN hash BLOB';

/** A row as verification reads it: position, stored hash (tampering may leave any type), `chainMessage`. */
type ChainRow = [number, unknown, string | null];

const CHAIN_ROWS = `SELECT position, hash, ${CHAIN_MESSAGE_SQL} FROM events WHERE position > ? ORDER BY position LIMIT ?`;

/**
 * Hashes the events written before the chain existed (a log migrated from an earlier version), in
 * position order and in batches, each batch one transaction. Runs at open; nothing to do afterwards.
 */
export function backfillChain(db: SqliteDatabase, batch = 10_000): number {
  const first = db.prepare('SELECT min(position) FROM events WHERE hash IS NULL').pluck().get() as number | null;
  if (first === null) return 0;
  const before = db.prepare('SELECT hash FROM events WHERE position < ? ORDER BY position DESC LIMIT 1').pluck();
  const rows = db.prepare(CHAIN_ROWS).raw();
  const update = db.prepare('UPDATE events SET hash = ? WHERE position = ?');
  let previous: Buffer = (before.get(first) as Buffer | undefined) ?? GENESIS;
  let after = first - 1;
  let hashed = 0;
  const step = db.transaction((page: ChainRow[]) => {
    for (const [position, , message] of page) {
      // The columns are NOT NULL: only a file edited below SQLite can get here, and hashing it would bless it.
      if (message === null)
        throw new CorruptEventError(position, `Event at position ${position} has a NULL column: the event log is corrupt`);
      previous = linkMessage(previous, message);
      update.run(previous, position);
    }
  });
  for (;;) {
    const page = rows.all(after, batch) as ChainRow[];
    if (page.length === 0) break;
    step(page);
    hashed += page.length;
    after = page[page.length - 1][0];
  }
  return hashed;
}

/** How the chain is broken at one event. */
export interface ChainBreak {
  readonly position: number;
  /**
   * `removed`: events before this position are missing; `reordered`: out of its stream's order;
   * `altered`: content changed; `truncated`: an anchored position is past the log's end (events were cut
   * off the end); `rewritten`: the hash at an anchored position is not the anchored one (the log up to
   * there was rewritten and re-chained).
   */
  readonly kind: 'altered' | 'removed' | 'reordered' | 'truncated' | 'rewritten';
  /** Null for a `truncated` break: there is no event at that position any more. */
  readonly eventId: string | null;
  readonly streamId: string | null;
  readonly message: string;
}

/**
 * A point of the chain kept outside the event store (`c360 audit anchor` prints one): the position and
 * the hash the chain had there. The chain alone cannot see events cut off its end, nor a log rewritten and
 * re-hashed from some event on; an anchor kept elsewhere can.
 */
export interface ChainAnchor {
  readonly position: number;
  /** 64 hex digits. */
  readonly hash: string;
}

/** `1234:9f86d0…` (position, colon, 64 hex digits), as `audit anchor` prints it; anything else is refused. */
export function parseChainAnchor(value: string): ChainAnchor {
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(value.trim());
  if (!match || Number(match[1]) < 1)
    throw new TypeError(`anchor "${value}" must be <position>:<64 hex digits>, as \`c360 audit anchor\` prints it`);
  return { position: Number(match[1]), hash: match[2].toLowerCase() };
}

/** The head of the chain: its position and stored hash (undefined for an empty log). */
export function chainHead(db: SqliteDatabase): ChainAnchor | undefined {
  const row = db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get() as
    { position: number; hash: Buffer | null } | undefined;
  return row && row.hash ? { position: row.position, hash: row.hash.toString('hex') } : undefined;
}

export interface ChainReport {
  readonly events: number;
  readonly head: number | undefined;
  readonly breaks: readonly ChainBreak[];
}

/**
 * Walks the whole log once, recomputing each hash from the previous stored one. After a break it
 * carries on from the stored hash, so one tampered event is reported once, not with every later one.
 * Streams rows (constant memory); `progress` is called every `every` events.
 */
export function verifyChain(
  db: SqliteDatabase,
  options: {
    readonly maxBreaks?: number;
    readonly every?: number;
    readonly progress?: (done: number, total: number) => void;
    /** Anchors kept elsewhere: each must still be in the log with the same hash. */
    readonly anchors?: readonly ChainAnchor[];
  } = {},
): ChainReport {
  const maxBreaks = options.maxBreaks ?? 100;
  const every = options.every ?? 50_000;
  const head = (db.prepare('SELECT max(position) FROM events').pluck().get() as number | null) ?? undefined;
  const total = head ?? 0; // positions are dense: the head is the count, without a scan for count(*)
  const broken = brokenEvent(db);
  const breaks: ChainBreak[] = [];
  let previous: Uint8Array = GENESIS;
  let expectedPosition = 1;
  let events = 0;
  // Pages of rows rather than `iterate()`: one native call per page instead of one per row. A row is
  // its position, stored hash and message only: what a break needs to be named is read when it is found.
  const page = db.prepare(CHAIN_ROWS).raw();
  let after = 0;
  let rows: ChainRow[];
  scan: while ((rows = page.all(after, 10_000) as ChainRow[]).length > 0) {
    after = rows[rows.length - 1][0];
    for (const [position, hash, message] of rows) {
      events += 1;
      if (options.progress && events % every === 0) options.progress(events, total);
      const stored = storedHash(hash);
      if (position !== expectedPosition) {
        breaks.push(broken.removed(position, expectedPosition));
      } else if (!stored || message === null || !linkMatches(previous, message, stored)) {
        breaks.push(broken.altered(position));
      }
      if (breaks.length >= maxBreaks) break scan;
      previous = stored ?? GENESIS;
      expectedPosition = position + 1;
    }
  }
  if (options.progress) options.progress(events, total);
  breaks.push(...anchorBreaks(db, head, options.anchors ?? []));
  return { events, head, breaks };
}

/**
 * The stored hash as bytes. A BLOB unless the file was edited: then the value's text, which is what
 * hashing it as the previous link covered before (a broken hash is reported, never a crash).
 */
function storedHash(value: unknown): Uint8Array | null {
  if (value === null || value === undefined) return null;
  return value instanceof Uint8Array ? value : Buffer.from(String(value));
}

/** Names the event at a break, read by position (breaks are rare; the walk reads no more than it hashes). */
function brokenEvent(db: SqliteDatabase) {
  const at = db.prepare('SELECT event_id, stream_id, revision, type FROM events WHERE position = ?');
  const priorRevision = db.prepare('SELECT max(revision) FROM events WHERE stream_id = ? AND position < ?').pluck();
  const event = (position: number) => at.get(position) as { event_id: string; stream_id: string; revision: number; type: string };
  return {
    removed(position: number, expected: number): ChainBreak {
      const { event_id: eventId, stream_id: streamId } = event(position);
      return {
        position,
        eventId,
        streamId,
        kind: 'removed',
        message: `events at positions ${expected}..${position - 1} were removed (the log jumps to ${position})`,
      };
    },
    altered(position: number): ChainBreak {
      const { event_id: eventId, stream_id: streamId, revision, type } = event(position);
      const before = priorRevision.get(streamId, position) as number | null;
      const inOrder = (before ?? -1) === revision - 1;
      return {
        position,
        eventId,
        streamId,
        kind: inOrder ? 'altered' : 'reordered',
        message: inOrder
          ? `event ${eventId} at position ${position} (stream ${streamId}, ${type}) was altered: its hash does not match`
          : `event ${eventId} at position ${position} (stream ${streamId}, revision ${revision}) is out of order: ` +
            `the stream's previous event has revision ${before ?? 'none'}`,
      };
    },
  };
}

/** What the anchors say: each anchored position must still hold the anchored hash. */
function anchorBreaks(db: SqliteDatabase, head: number | undefined, anchors: readonly ChainAnchor[]): ChainBreak[] {
  const at = db.prepare('SELECT event_id AS eventId, stream_id AS streamId, hash FROM events WHERE position = ?');
  const breaks: ChainBreak[] = [];
  for (const anchor of anchors) {
    const row = at.get(anchor.position) as { eventId: string; streamId: string; hash: Buffer | null } | undefined;
    if (!row) {
      breaks.push({
        position: anchor.position,
        kind: 'truncated',
        eventId: null,
        streamId: null,
        message: `the anchor at position ${anchor.position} is past the log's end (head ${head ?? 'none'}): events were cut off the end`,
      });
    } else if (row.hash?.toString('hex') !== anchor.hash) {
      breaks.push({
        position: anchor.position,
        kind: 'rewritten',
        eventId: row.eventId,
        streamId: row.streamId,
        message: `the hash at position ${anchor.position} (event ${row.eventId}) is not the anchored one: the log up to there was rewritten`,
      });
    }
  }
  return breaks;
}
