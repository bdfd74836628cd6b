import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '../sqlite-connection';

/**
 * Tamper evidence for the embedded log (issue 18): every event stores a SHA-256 over the previous
 * event's hash and its own content, position included. Altering, removing or reordering a stored
 * event breaks the chain at that event. Erasure deletes keys, never events, so it leaves the chain
 * intact. The hash covers the stored (sealed) bytes, so verifying needs no keys.
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

/** `link()`: the hash of one event, covering the previous one. */
export function link(previous: Uint8Array, event: ChainedFields): Buffer {
  return createHash('sha256')
    .update(previous)
    .update(
      event.position +
        SEPARATOR +
        event.eventId +
        SEPARATOR +
        event.streamId +
        SEPARATOR +
        event.revision +
        SEPARATOR +
        event.type +
        SEPARATOR +
        event.schemaVersion +
        SEPARATOR +
        event.occurredAt +
        SEPARATOR +
        event.data +
        SEPARATOR +
        event.metadata,
    )
    .digest();
}

/**
 * `link()` over a row read with `data` and `metadata` as bytes (the verification's fast path): SHA-256
 * is a stream, so hashing the UTF-8 pieces one after another gives the same digest as `link()` without
 * decoding the two large columns into strings and encoding them again.
 */
function linkBytes(previous: Uint8Array, row: RawRow): Buffer {
  return createHash('sha256')
    .update(previous)
    .update(
      row[0] +
        SEPARATOR +
        row[1] +
        SEPARATOR +
        row[2] +
        SEPARATOR +
        row[3] +
        SEPARATOR +
        row[4] +
        SEPARATOR +
        row[5] +
        SEPARATOR +
        row[6] +
        SEPARATOR,
    )
    .update(row[7])
    .update(SEPARATOR)
    .update(row[8])
    .digest();
}

/** Schema step: the column (existing rows are hashed by `backfillChain` right after). */
export const ADD_HASH_COLUMN = 'ALTER TABLE events ADD COLUMN hash BLOB';

type RawRow = [number, string, string, number, string, number, string, string | Buffer, string | Buffer, Buffer | null];

const RAW_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, occurred_at, data, metadata, hash';

const BYTE_COLUMNS =
  'position, event_id, stream_id, revision, type, schema_version, occurred_at, CAST(data AS BLOB), CAST(metadata AS BLOB), hash';

/** A row read with RAW_COLUMNS (text): what `link()` takes. */
function fieldsOf(row: RawRow): ChainedFields {
  return {
    position: row[0],
    eventId: row[1],
    streamId: row[2],
    revision: row[3],
    type: row[4],
    schemaVersion: row[5],
    occurredAt: row[6],
    data: String(row[7]),
    metadata: String(row[8]),
  };
}

/**
 * Hashes the events written before the chain existed (a log migrated from an earlier version), in
 * position order and in batches, each batch one transaction. Runs at open; nothing to do afterwards.
 */
export function backfillChain(db: SqliteDatabase, batch = 10_000): number {
  const first = db.prepare('SELECT min(position) FROM events WHERE hash IS NULL').pluck().get() as number | null;
  if (first === null) return 0;
  const before = db.prepare('SELECT hash FROM events WHERE position < ? ORDER BY position DESC LIMIT 1').pluck();
  const rows = db.prepare(`SELECT ${RAW_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`).raw();
  const update = db.prepare('UPDATE events SET hash = ? WHERE position = ?');
  let previous: Buffer = (before.get(first) as Buffer | undefined) ?? GENESIS;
  let from = first;
  let hashed = 0;
  const step = db.transaction((page: RawRow[]) => {
    for (const row of page) {
      previous = link(previous, fieldsOf(row));
      update.run(previous, row[0]);
    }
  });
  for (;;) {
    const page = rows.all(from, batch) as RawRow[];
    if (page.length === 0) break;
    step(page);
    hashed += page.length;
    from = page[page.length - 1][0] + 1;
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
  const priorRevision = db.prepare('SELECT max(revision) FROM events WHERE stream_id = ? AND position < ?').pluck();
  const breaks: ChainBreak[] = [];
  let previous: Buffer = GENESIS;
  let expectedPosition = 1;
  let events = 0;
  // Pages of rows rather than `iterate()`: one native call per page instead of one per row.
  const page = db.prepare(`SELECT ${BYTE_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw();
  let after = 0;
  let rows: RawRow[];
  scan: while ((rows = page.all(after, 10_000) as RawRow[]).length > 0) {
    after = rows[rows.length - 1][0];
    for (const row of rows) {
      events += 1;
      if (options.progress && events % every === 0) options.progress(events, total);
      const fields = { position: row[0], eventId: row[1], streamId: row[2], revision: row[3], type: row[4] };
      const stored = row[9];
      const at = { position: fields.position, eventId: fields.eventId, streamId: fields.streamId };
      if (fields.position !== expectedPosition) {
        breaks.push({
          ...at,
          kind: 'removed',
          message: `events at positions ${expectedPosition}..${fields.position - 1} were removed (the log jumps to ${fields.position})`,
        });
      } else if (!stored || !linkBytes(previous, row).equals(stored)) {
        const before = priorRevision.get(fields.streamId, fields.position) as number | null;
        const inOrder = (before ?? -1) === fields.revision - 1;
        breaks.push({
          ...at,
          kind: inOrder ? 'altered' : 'reordered',
          message: inOrder
            ? `event ${fields.eventId} at position ${fields.position} (stream ${fields.streamId}, ${fields.type}) was altered: its hash does not match`
            : `event ${fields.eventId} at position ${fields.position} (stream ${fields.streamId}, revision ${fields.revision}) is out of order: ` +
              `the stream's previous event has revision ${before ?? 'none'}`,
        });
      }
      if (breaks.length >= maxBreaks) break scan;
      previous = stored ?? GENESIS;
      expectedPosition = fields.position + 1;
    }
  }
  if (options.progress) options.progress(events, total);
  breaks.push(...anchorBreaks(db, head, options.anchors ?? []));
  return { events, head, breaks };
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
