import { SubscriptionRunner, TransientStoreError, uuidv7, type EventEnvelope, type EventProcessor, type NewEvent } from '@c360/kernel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { openSqlite, type SqliteDatabase } from '../sqlite-connection';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

const event = (): NewEvent => ({
  id: uuidv7(),
  type: 'fault.test',
  schemaVersion: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  data: {},
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'test', role: 'system' } },
});

/** Fills the database up to its page quota, so that the next write needing a page fails as on a full disk. */
function fillUp(db: SqliteDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS ballast (blob BLOB)');
  const insert = db.prepare('INSERT INTO ballast VALUES (randomblob(4000))');
  for (;;) {
    try {
      insert.run();
    } catch {
      return;
    }
  }
}

/** A name long enough that storing its checkpoint needs new (overflow) pages: it cannot squeeze into a free corner. */
const NAME = `counter-${'x'.repeat(8_000)}`;

class Counter implements EventProcessor {
  readonly name = NAME;
  seen = 0;
  async handle(events: readonly EventEnvelope[]) {
    this.seen += events.length;
  }
}

describe('SqliteCheckpointStore under faults', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'c360-cp-faults-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a full disk as transient, and a processor resumes by itself once space is freed', async () => {
    const db = openSqlite({ file: join(dir, 'checkpoints.db'), maxSizeMiB: 1 });
    const checkpoints = new SqliteCheckpointStore(db);
    const events = new SqliteEventStore({ file: join(dir, 'events.db') });
    fillUp(db);
    await expect(checkpoints.set(NAME, 1)).rejects.toBeInstanceOf(TransientStoreError);

    await events.appendToStream('s-1', [event(), event()], { expectedRevision: 'no_stream' });
    const processor = new Counter();
    const runner = new SubscriptionRunner(processor, events, checkpoints, { batchSize: 10 });
    runner.start();
    await expect(runner.waitFor(2, 300)).rejects.toThrow(/did not reach/);
    const stuck = await runner.status();
    expect(stuck.state).toBe('retrying');
    expect(stuck.lastError).toMatch(/TransientStoreError: Checkpoint store failed: .*full/);

    db.exec('DROP TABLE ballast'); // the operator frees space
    await runner.waitFor(2, 5_000);
    expect(await checkpoints.get(NAME)).toBe(2);
    expect((await runner.status()).state).toBe('live');
    await runner.stop();
    await events.close();
    db.close();
  });
});
