import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteDatabase } from '../sqlite-connection';
import { BackgroundCheckpointer } from './background-checkpointer';

const PAGE = 4096;
const ROWS = 4_000;
const ROW_BYTES = 2_000; // two rows a page: ROWS rows are about 8 MiB of WAL frames when nothing is copied back

/** Writes ROWS rows, a few per transaction, yielding between transactions as the stores' callers do. */
async function writeRows(db: SqliteDatabase): Promise<void> {
  const insert = db.prepare('INSERT INTO things (n, body) VALUES (?, ?)');
  const write = db.transaction((from: number) => {
    for (let n = from; n < from + 20; n++) insert.run(n, 'x'.repeat(ROW_BYTES));
  });
  for (let n = 0; n < ROWS; n += 20) {
    write(n);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('BackgroundCheckpointer', () => {
  let dir: string;
  let file: string;
  let db: SqliteDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-checkpointer-'));
    file = join(dir, 'store.db');
    db = openSqlite({ file, durability: 'normal' });
    db.exec('CREATE TABLE things (n INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    db.pragma('wal_autocheckpoint = 0'); // only the checkpointer copies frames back in these specs
  });
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the WAL short under steady writes: the worker copies, the writer finishes the tail and restarts the WAL', async () => {
    const checkpointer = new BackgroundCheckpointer(db, { file, synchronous: 'NORMAL', intervalMs: 5, tailFrames: 100 });
    await writeRows(db);
    const stats = checkpointer.stats();
    await checkpointer.close();

    expect(stats).toMatchObject({ running: true });
    expect(stats.passes).toBeGreaterThan(0);
    expect(stats.tails).toBeGreaterThan(0);
    // Without restarts the WAL would hold every page written (ROWS / 2 pages); it stays a fraction of that.
    expect(statSync(`${file}-wal`).size).toBeLessThan((ROWS / 2) * PAGE * 0.5);
    expect(db.prepare('SELECT count(*) FROM things').pluck().get()).toBe(ROWS);
  });

  it('leaves the WAL to grow without it (what the previous case is measured against)', async () => {
    await writeRows(db);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan((ROWS / 2) * PAGE * 0.9);
  });

  it('copies into the file what was committed: reopened without the WAL, every row is there', async () => {
    const checkpointer = new BackgroundCheckpointer(db, { file, synchronous: 'NORMAL', intervalMs: 5, tailFrames: 100 });
    await writeRows(db);
    await checkpointer.close();
    db.close(); // the last connection: checkpoints and removes the WAL
    const reopened = openSqlite({ file, readOnly: true });
    expect(reopened.prepare('SELECT count(*), sum(length(body)) FROM things').raw().get()).toEqual([ROWS, ROWS * ROW_BYTES]);
    reopened.close();
  });

  it('reports a worker that cannot open the file and leaves the store as it was (its own auto-checkpoint)', async () => {
    const checkpointer = new BackgroundCheckpointer(db, { file: join(dir, 'missing.db'), synchronous: 'NORMAL', intervalMs: 5 });
    const deadline = Date.now() + 5_000;
    while (checkpointer.stats().running && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));

    expect(checkpointer.stats()).toMatchObject({ running: false, passes: 0 });
    expect(checkpointer.stats().lastError).toMatch(/missing\.db|unable to open|does not exist/i);
    db.prepare('INSERT INTO things (n, body) VALUES (1, ?)').run('still writable');
    await checkpointer.close(); // closing a stopped checkpointer is a no-op
  });
});
