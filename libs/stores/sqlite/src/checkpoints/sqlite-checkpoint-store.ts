import { TransientStoreError, type CheckpointStore } from '@c360/kernel';
import { isTransientSqliteError, migrate, type SqliteDatabase } from '../sqlite-connection';
import { CHECKPOINT_SCHEMA } from './checkpoint-schema';

/**
 * Checkpoints in a SQLite database: the read-model file for projectors and workflows (so that the
 * document projector commits a batch and its checkpoint in one transaction), a file of its own for the
 * relay (ADR 0012). Faults that can clear (full disk, busy, I/O) are TransientStoreErrors like every
 * other store's: a processor retries them and resumes by itself once they clear.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly all;

  constructor(db: SqliteDatabase) {
    migrate(db, 'checkpoints', CHECKPOINT_SCHEMA);
    this.select = db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck();
    this.upsert = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.remove = db.prepare('DELETE FROM checkpoints WHERE name = ?');
    this.all = db.prepare('SELECT name, position FROM checkpoints ORDER BY name');
  }

  async get(name: string): Promise<number | undefined> {
    return guard(() => (this.select.get(name) as number | undefined) ?? undefined);
  }

  async set(name: string, position: number): Promise<void> {
    if (!name) throw new TypeError('Checkpoint name must be a non-empty string');
    if (!Number.isSafeInteger(position) || position < 0)
      throw new TypeError(`Checkpoint position must be an integer >= 0 (got ${position})`);
    guard(() => this.upsert.run(name, position));
  }

  async reset(name: string): Promise<void> {
    guard(() => this.remove.run(name));
  }

  async list(): Promise<Array<{ name: string; position: number }>> {
    return guard(() => this.all.all() as Array<{ name: string; position: number }>);
  }
}

function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isTransientSqliteError(error))
      throw new TransientStoreError(`Checkpoint store failed: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}
