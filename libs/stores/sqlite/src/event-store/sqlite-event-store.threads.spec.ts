import { sampleEvent } from '@c360/contract-tests';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { verifyChain } from './event-chain';
import { SqliteEventStore } from './sqlite-event-store';

const ROOT = resolve(__dirname, '../../../../..');

/**
 * The other writer, as the processor thread is one (ADR 0029): a worker thread with its own store on the
 * same file, loading this TypeScript the way scripts/run-ts.js does.
 */
const OTHER_WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
process.env.SWC_NODE_PROJECT = path.join(workerData.root, 'tsconfig.base.json');
require('tsconfig-paths').register({ baseUrl: workerData.root, paths: require(path.join(workerData.root, 'tsconfig.base.json')).compilerOptions.paths });
require('@swc-node/register');
const { SqliteEventStore } = require(path.join(workerData.root, 'libs/stores/sqlite/src/event-store/sqlite-event-store.ts'));
const { sampleEvent } = require(path.join(workerData.root, 'libs/contract-tests/src/sample-events.ts'));
const store = new SqliteEventStore({ file: workerData.file, durability: workerData.durability });
(async () => {
  const failures = [];
  for (let round = 0; round < workerData.rounds; round++) {
    await Promise.all(Array.from({ length: 16 }, (_, n) =>
      store.appendToStream('worker-' + n, [sampleEvent(), sampleEvent()], { expectedRevision: 'any' }).catch((error) => failures.push(error.message))));
  }
  await store.close();
  parentPort.postMessage({ failures });
})();
`;

describe.each(['normal', 'full'] as const)('SqliteEventStore with a writer on another thread (durability %s)', (durability) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-threads-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no append to the other connection: every one is written once, in one unbroken chain', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file, durability });
    const rounds = 600;
    const other = new Worker(OTHER_WRITER, { eval: true, workerData: { root: ROOT, file, durability, rounds } });
    const otherDone = new Promise<{ failures: string[] }>((resolveDone, reject) => {
      other.once('message', resolveDone);
      other.once('error', reject);
    });
    const failures: string[] = [];
    // Both threads append at once, long enough for a commit to land inside another's read (600 rounds
    // failed about one group in ten with deferred transactions); each stream's revisions are checked too.
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        Array.from({ length: 16 }, (_, n) =>
          store
            .appendToStream(`main-${n}`, [sampleEvent(), sampleEvent()], { expectedRevision: round === 0 ? 'no_stream' : round * 2 - 1 })
            .catch((error: Error) => failures.push(error.message)),
        ),
      );
    }
    const fromOther = await otherDone;
    expect(failures).toEqual([]);
    expect(fromOther.failures).toEqual([]);
    await store.close();

    const db = new Database(file, { readonly: true });
    try {
      const count = db.prepare('SELECT count(*) AS n, min(position) AS first, max(position) AS last FROM events').get();
      expect(count).toEqual({ n: 2 * 2 * 16 * rounds, first: 1, last: 2 * 2 * 16 * rounds });
      expect(verifyChain(db).breaks).toEqual([]);
      const byWorker = db.prepare("SELECT count(*) FROM events WHERE stream_id LIKE 'worker-%'").pluck().get();
      expect(byWorker).toBe(2 * 16 * rounds);
    } finally {
      db.close();
    }
  }, 60_000);
});
