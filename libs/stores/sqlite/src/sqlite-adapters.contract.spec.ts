import { checkpointStoreContract, documentStoreContract, eventStoreContract } from '@c360/contract-tests';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from './checkpoints/sqlite-checkpoint-store';
import { SqliteDocumentStore } from './documents/sqlite-document-store';
import { SqliteEventStore } from './event-store/sqlite-event-store';
import { openSqlite } from './sqlite-connection';

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'c360-contract-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

eventStoreContract('embedded SQLite', {
  async open() {
    const { dir, remove } = tempDir();
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file });
    return {
      store,
      reopen: async () => new SqliteEventStore({ file }),
      dispose: async () => {
        await store.close();
        remove();
      },
    };
  },
});

documentStoreContract('embedded SQLite', {
  async open() {
    const { dir, remove } = tempDir();
    const documents = new SqliteDocumentStore({ file: join(dir, 'read-models.db') });
    return {
      documents,
      checkpoints: new SqliteCheckpointStore(documents.db),
      dispose: async () => {
        await documents.close();
        remove();
      },
    };
  },
});

checkpointStoreContract('embedded SQLite', {
  async open() {
    const { dir, remove } = tempDir();
    const file = join(dir, 'read-models.db');
    const db = openSqlite({ file });
    const opened = [db];
    return {
      checkpoints: new SqliteCheckpointStore(db),
      reopen: async () => {
        const again = openSqlite({ file });
        opened.push(again);
        return new SqliteCheckpointStore(again);
      },
      dispose: async () => {
        opened.forEach((handle) => handle.close());
        remove();
      },
    };
  },
});
