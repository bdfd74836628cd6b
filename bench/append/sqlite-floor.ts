import { uuidv7 } from '@c360/kernel';
import { COLUMNS_PER_ROW, EVENT_STORE_SCHEMA, MultiRowInsert, ROWS_PER_INSERT, migrate, openSqlite } from '@c360/store-sqlite';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tempDataDir, timed } from '../bench-util';

/**
 * The ceiling under the batched-append figure (issue 21): better-sqlite3 alone inserting rows that are
 * ready to bind into the store's own table, with the store's pragmas and multi-row INSERT, about as many
 * rows a transaction as a group commit of the bench writes. No validation, JSON, chain hash, group commit
 * or fsync thread: the store cannot append faster than this on the same machine, in the same minute.
 */
export async function sqliteInsertFloor(rows: number, data: string, metadata: string) {
  const dir = tempDataDir('floor');
  const db = openSqlite({ file: join(dir.dir, 'events.db'), durability: 'normal' });
  migrate(db, 'event-store', EVENT_STORE_SCHEMA);
  const insert = new MultiRowInsert(db).statement(ROWS_PER_INSERT);
  const perTransaction = 32 * ROWS_PER_INSERT;
  const total = Math.ceil(rows / perTransaction) * perTransaction;
  // Ids are UUIDv7-shaped (36 characters, increasing, as the store's are) but made from the position:
  // half a million real ones made beforehand would be 200 MiB of heap, and making them in the loop would
  // time uuidv7 too. A hash's bytes do not change what SQLite does, so a thousand of them serve.
  const idPrefix = uuidv7().slice(0, 24);
  const streams = Array.from({ length: 50 }, (_, n) => `floor-${n}`);
  const hashes = Array.from({ length: 1024 }, () => randomBytes(32));
  const revisions = new Map<string, number>();
  let position = 0;
  const transaction = db.transaction(() => {
    for (let statement = 0; statement < perTransaction / ROWS_PER_INSERT; statement++) {
      const params: unknown[] = new Array(ROWS_PER_INSERT * COLUMNS_PER_ROW);
      let p = 0;
      for (let row = 0; row < ROWS_PER_INSERT; row++) {
        const streamId = streams[Math.floor(position / 500) % streams.length];
        const revision = (revisions.get(streamId) ?? -1) + 1;
        revisions.set(streamId, revision);
        params[p++] = position + 1;
        params[p++] = idPrefix + position.toString(16).padStart(12, '0');
        params[p++] = streamId;
        params[p++] = revision;
        params[p++] = 'bench.happened';
        params[p++] = 1;
        params[p++] = '2026-12-03T00:00:00.000Z';
        params[p++] = data;
        params[p++] = metadata;
        params[p++] = hashes[position % hashes.length];
        position += 1;
      }
      insert.run(params);
    }
  });
  const { seconds, cpuSeconds } = await timed(async () => {
    while (position < total) transaction();
  });
  db.close();
  dir.remove();
  return { perSecond: total / seconds, cpuUsPerRow: (cpuSeconds * 1e6) / total };
}
