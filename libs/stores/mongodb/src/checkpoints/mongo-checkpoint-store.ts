import type { CheckpointStore } from '@c360/kernel';
import type { Collection } from 'mongodb';
import type { MongoConnection } from '../mongo-connection';

/**
 * The collection of checkpoints, beside the read models. Its name starts with "_", which no
 * read-model collection can (see assertCollectionName), so a projection can never clash with it.
 */
export const CHECKPOINT_COLLECTION = '_checkpoints';

interface CheckpointDocument {
  _id: string;
  position: number;
}

/** Checkpoints in the read-model database: `{ _id: name, position }`. */
export class MongoCheckpointStore implements CheckpointStore {
  constructor(private readonly connection: MongoConnection) {}

  private run<T>(action: string, work: (checkpoints: Collection<CheckpointDocument>) => Promise<T>): Promise<T> {
    return this.connection.run(action, (db) => work(db.collection<CheckpointDocument>(CHECKPOINT_COLLECTION)));
  }

  async get(name: string): Promise<number | undefined> {
    const found = await this.run('read a checkpoint', (checkpoints) => checkpoints.findOne({ _id: name }));
    return found ? found.position : undefined;
  }

  async set(name: string, position: number): Promise<void> {
    if (typeof name !== 'string' || !name) throw new TypeError('Checkpoint name must be a non-empty string');
    if (!Number.isSafeInteger(position) || position < 0)
      throw new TypeError(`Checkpoint position must be an integer >= 0 (got ${position})`);
    await this.run('store a checkpoint', (checkpoints) => checkpoints.updateOne({ _id: name }, { $set: { position } }, { upsert: true }));
  }

  async reset(name: string): Promise<void> {
    await this.run('reset a checkpoint', (checkpoints) => checkpoints.deleteOne({ _id: name }));
  }

  async list(): Promise<Array<{ name: string; position: number }>> {
    const all = await this.run('list checkpoints', (checkpoints) => checkpoints.find({}).sort({ _id: 1 }).toArray());
    return all.map((doc) => ({ name: doc._id, position: doc.position }));
  }
}
