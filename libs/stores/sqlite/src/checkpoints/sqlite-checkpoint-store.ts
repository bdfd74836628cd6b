import type { Transaction } from 'better-sqlite3';
import { TransientStoreError, type CheckpointStore, type ProcessorLease, type ProcessorLeaseStore } from '@c360/kernel';
import { isTransientSqliteError, migrate, type SqliteDatabase } from '../sqlite-connection';
import { CHECKPOINT_SCHEMA } from './checkpoint-schema';
import { SqliteProcessorLeases } from './sqlite-processor-leases';

/**
 * Checkpoints in a SQLite database: the read-model file for projectors and workflows (so that the
 * document projector commits a batch and its checkpoint in one transaction), a file of its own for the
 * relay (ADR 0012). Faults that can clear (full disk, busy, I/O) are TransientStoreErrors like every
 * other store's: a processor retries them and resumes by itself once they clear. Processor leases
 * (work sharing between instances, issue 19) live beside the checkpoints they fence.
 */
export class SqliteCheckpointStore implements CheckpointStore, ProcessorLeaseStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly all;
  private readonly leases: SqliteProcessorLeases;
  private readonly setFenced: Transaction<(name: string, position: number, fence: number | undefined) => void>;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number = Date.now,
  ) {
    migrate(db, 'checkpoints', CHECKPOINT_SCHEMA);
    this.select = db.prepare('SELECT position FROM checkpoints WHERE name = ?').pluck();
    this.upsert = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
    this.remove = db.prepare('DELETE FROM checkpoints WHERE name = ?');
    this.all = db.prepare('SELECT name, position FROM checkpoints ORDER BY name');
    this.leases = new SqliteProcessorLeases(db);
    this.setFenced = db.transaction((name: string, position: number, fence: number | undefined) => {
      this.leases.assertFence(name, fence);
      this.upsert.run(name, position);
    });
  }

  async get(name: string): Promise<number | undefined> {
    return guard(() => (this.select.get(name) as number | undefined) ?? undefined);
  }

  async set(name: string, position: number, fence?: number): Promise<void> {
    if (!name) throw new TypeError('Checkpoint name must be a non-empty string');
    if (!Number.isSafeInteger(position) || position < 0)
      throw new TypeError(`Checkpoint position must be an integer >= 0 (got ${position})`);
    guard(() => (fence === undefined ? this.upsert.run(name, position) : this.setFenced.immediate(name, position, fence)));
  }

  async reset(name: string): Promise<void> {
    guard(() => this.remove.run(name));
  }

  async list(): Promise<Array<{ name: string; position: number }>> {
    return guard(() => this.all.all() as Array<{ name: string; position: number }>);
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<ProcessorLease | undefined> {
    return guard(() => this.leases.acquire(name, holder, ttlMs, this.now()));
  }

  async releaseLease(lease: ProcessorLease): Promise<void> {
    guard(() => this.leases.release(lease));
  }

  async listLeases(): Promise<ProcessorLease[]> {
    return guard(() => this.leases.list());
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
