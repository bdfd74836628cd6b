import { checkpointStoreContract, documentStoreContract, eventStoreContract } from '@c360/contract-tests';
import { randomUUID } from 'node:crypto';
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

describe('SqliteEventStore backlog (honest lag)', () => {
  it('counts only the events of a filter after a position, and says when the oldest happened', async () => {
    const { dir, remove } = tempDir();
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    const event = (type: string, occurredAt: string) => ({
      id: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt,
      data: {},
      metadata: { correlationId: 'c', causationId: 'c', actor: { id: 't', role: 'system' as const } },
    });
    await store.appendToStream(
      's',
      [
        event('a', '2026-01-01T00:00:01.000Z'),
        event('b', '2026-01-01T00:00:02.000Z'),
        event('a', '2026-01-01T00:00:03.000Z'),
        event('b', '2026-01-01T00:00:04.000Z'),
      ],
      { expectedRevision: 'no_stream' },
    );
    expect(await store.backlog(1, { eventTypes: ['a'] }, 100)).toEqual({
      events: 1,
      capped: false,
      oldestOccurredAt: '2026-01-01T00:00:03.000Z',
    });
    expect(await store.backlog(undefined, { eventTypes: ['b'] }, 1)).toEqual({
      events: 1,
      capped: true,
      oldestOccurredAt: '2026-01-01T00:00:02.000Z',
    });
    expect(await store.backlog(4, undefined, 100)).toEqual({ events: 0, capped: false, oldestOccurredAt: undefined });
    await store.close();
    remove();
  });
});
