import type { CheckpointStore } from '@c360/kernel';
import { migrate, type SqliteDatabase } from '../sqlite-connection';
import { CHECKPOINT_SCHEMA } from './checkpoint-schema';

/**
 * Checkpoints in the read-model database, so that the document projector can commit a batch and its
 * checkpoint in one transaction.
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
    return (this.select.get(name) as number | undefined) ?? undefined;
  }

  async set(name: string, position: number): Promise<void> {
    if (!name) throw new TypeError('Checkpoint name must be a non-empty string');
    if (!Number.isSafeInteger(position) || position < 0)
      throw new TypeError(`Checkpoint position must be an integer >= 0 (got ${position})`);
    this.upsert.run(name, position);
  }

  async reset(name: string): Promise<void> {
    this.remove.run(name);
  }

  async list(): Promise<Array<{ name: string; position: number }>> {
    return this.all.all() as Array<{ name: string; position: number }>;
  }
}
