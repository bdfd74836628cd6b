import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store';
import { SqliteDocumentStore } from './sqlite-document-store';

/** A read-model store a fold writes into and throws away, whatever stores the platform runs on. */
export interface SqliteScratchStore {
  readonly documents: SqliteDocumentStore;
  readonly checkpoints: SqliteCheckpointStore;
  close(): Promise<void>;
}

/**
 * An embedded scratch store: in memory for one customer's past view, a temporary file (removed on
 * close) for a whole-log fold that would not fit in memory.
 */
export function openScratchStore(kind: 'memory' | 'file'): SqliteScratchStore {
  const dir = kind === 'file' ? mkdtempSync(join(tmpdir(), 'c360-scratch-')) : undefined;
  const documents = new SqliteDocumentStore({ file: dir ? join(dir, 'scratch.db') : ':memory:', durability: 'normal', cacheMiB: 64 });
  return {
    documents,
    checkpoints: new SqliteCheckpointStore(documents.db),
    async close() {
      await documents.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
