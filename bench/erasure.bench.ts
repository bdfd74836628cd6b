import { SqliteDocumentStore } from '@c360/store-sqlite';
import { join } from 'node:path';
import { figure, tempDataDir, timed } from './bench-util';

/**
 * What immediate read-model erasure costs (ADR 0013): the embedded read-model store runs with
 * secure_delete; an erasure overwrites the customer's documents and then checkpoints and truncates the
 * WAL (`flushErasures`) before it answers. The cost grows with what the WAL holds since the last
 * checkpoint, so it is measured after 0, 1,000 and 10,000 other document writes.
 */
export async function runErasureBench(): Promise<boolean> {
  console.log('\nerasure — SQLite read models, secure_delete on, adapter defaults, 1 KiB documents');
  const data = tempDataDir('erasure');
  const store = new SqliteDocumentStore({ file: join(data.dir, 'read-models.db'), secureDelete: true, walPurgeIntervalMs: 3_600_000 });
  const filler = 'x'.repeat(1_000);
  let position = 1;
  for (let i = 0; i < 20_000; i++) {
    await store.write([{ kind: 'replace', collection: 'profiles', id: `c${i}`, doc: { name: filler }, position: position++ }]);
  }
  await store.flushErasures();
  for (const pending of [0, 1_000, 10_000]) {
    for (let i = 0; i < pending; i++) {
      await store.write([
        { kind: 'replace', collection: 'profiles', id: `c${i}`, doc: { name: filler, v: position }, position: position++ },
      ]);
    }
    const { seconds } = await timed(async () => {
      await store.write([{ kind: 'replace', collection: 'profiles', id: 'c19999', doc: { erased: true }, position: position++ }]);
      await store.flushErasures();
    });
    figure(`overwrite one document + WAL checkpoint(TRUNCATE), ${pending.toLocaleString('en-US')} writes pending`, seconds * 1000, 'ms');
  }
  await store.close();
  data.remove();
  return true;
}
