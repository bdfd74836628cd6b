import { FencedOffError, assertLeaseRequest, type CheckpointStore, type ProcessorLease, type ProcessorLeaseStore } from '@c360/kernel';
import type { Collection } from 'mongodb';
import type { MongoConnection } from '../mongo-connection';

/**
 * The collection of checkpoints, beside the read models. Its name starts with "_", which no
 * read-model collection can (see assertCollectionName), so a projection can never clash with it.
 */
export const CHECKPOINT_COLLECTION = '_checkpoints';
/** The relay's checkpoints, apart from the read models' (a read-model rebuild must not re-publish, ADR 0012). */
export const RELAY_CHECKPOINT_COLLECTION = '_relay_checkpoints';

interface CheckpointDocument {
  _id: string;
  position: number;
  /** The lease token of the last holder that wrote it (issue 19): older tokens are refused. */
  fence?: number;
}

interface LeaseDocument {
  _id: string;
  holder: string;
  token: number;
  expiresAt: number;
}

const DUPLICATE_KEY = 11000;

/**
 * Checkpoints in the read-model database: `{ _id: name, position, fence }`, and processor leases in
 * `<collection>_leases`. Without multi-document transactions the fence lives on the checkpoint itself:
 * a write carries its lease token and matches only while no newer token has written (or claimed) the
 * checkpoint, and a takeover claims it at once, so the old holder is refused from that moment.
 */
export class MongoCheckpointStore implements CheckpointStore, ProcessorLeaseStore {
  constructor(
    private readonly connection: MongoConnection,
    private readonly collection: string = CHECKPOINT_COLLECTION,
    private readonly now: () => number = Date.now,
  ) {}

  private run<T>(action: string, work: (checkpoints: Collection<CheckpointDocument>) => Promise<T>): Promise<T> {
    return this.connection.run(action, (db) => work(db.collection<CheckpointDocument>(this.collection)));
  }

  private runLeases<T>(action: string, work: (leases: Collection<LeaseDocument>) => Promise<T>): Promise<T> {
    return this.connection.run(action, (db) => work(db.collection<LeaseDocument>(`${this.collection}_leases`)));
  }

  async get(name: string): Promise<number | undefined> {
    const found = await this.run('read a checkpoint', (checkpoints) => checkpoints.findOne({ _id: name }));
    return found && typeof found.position === 'number' ? found.position : undefined;
  }

  async set(name: string, position: number, fence?: number): Promise<void> {
    if (typeof name !== 'string' || !name) throw new TypeError('Checkpoint name must be a non-empty string');
    if (!Number.isSafeInteger(position) || position < 0)
      throw new TypeError(`Checkpoint position must be an integer >= 0 (got ${position})`);
    if (fence === undefined) {
      await this.run('store a checkpoint', (checkpoints) => checkpoints.updateOne({ _id: name }, { $set: { position } }, { upsert: true }));
      return;
    }
    await this.fenced(name, fence, { position, fence });
  }

  async reset(name: string): Promise<void> {
    await this.run('reset a checkpoint', (checkpoints) => checkpoints.deleteOne({ _id: name }));
  }

  async list(): Promise<Array<{ name: string; position: number }>> {
    const all = await this.run('list checkpoints', (checkpoints) =>
      checkpoints
        .find({ position: { $exists: true } })
        .sort({ _id: 1 })
        .toArray(),
    );
    return all.map((doc) => ({ name: doc._id, position: doc.position }));
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<ProcessorLease | undefined> {
    assertLeaseRequest(name, holder, ttlMs);
    const now = this.now();
    const expiresAt = now + ttlMs;
    const lease = await this.runLeases('take a processor lease', async (leases) => {
      // A standby instance asks several times a TTL: while another holder's lease is live that is one
      // read, not three write attempts (on FerretDB each write attempt queues behind every other write,
      // and the queue delayed live holders' renewals past their TTL). The writes below stay conditional.
      const current = await leases.findOne({ _id: name });
      if (current && current.holder !== holder && current.expiresAt > now) return undefined;
      const renewed = await leases.findOneAndUpdate({ _id: name, holder }, { $set: { expiresAt } }, { returnDocument: 'after' });
      if (renewed) return renewed;
      const taken = await leases.findOneAndUpdate(
        { _id: name, expiresAt: { $lte: now } },
        { $set: { holder, expiresAt }, $inc: { token: 1 } },
        { returnDocument: 'after' },
      );
      if (taken) return taken;
      try {
        const created = { _id: name, holder, token: 1, expiresAt };
        await leases.insertOne(created);
        return created;
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) return undefined; // another holder's live lease
        throw error;
      }
    });
    if (!lease) return undefined;
    // Claim the checkpoint for the new token, so a predecessor still writing is refused from now on.
    await this.fenced(name, lease.token, { fence: lease.token });
    return { name, holder: lease.holder, token: lease.token, expiresAt: lease.expiresAt };
  }

  async releaseLease(lease: ProcessorLease): Promise<void> {
    await this.runLeases('release a processor lease', (leases) =>
      leases.updateOne({ _id: lease.name, holder: lease.holder, token: lease.token }, { $set: { expiresAt: 0 } }),
    );
  }

  async listLeases(): Promise<ProcessorLease[]> {
    const all = await this.runLeases('list processor leases', (leases) => leases.find({}).sort({ _id: 1 }).toArray());
    return all.map((doc) => ({ name: doc._id, holder: doc.holder, token: doc.token, expiresAt: doc.expiresAt }));
  }

  /** Writes `update` to the checkpoint when no newer token has; otherwise FencedOffError. */
  private async fenced(name: string, fence: number, update: Partial<CheckpointDocument>): Promise<void> {
    const current = await this.run('store a fenced checkpoint', async (checkpoints) => {
      try {
        await checkpoints.updateOne(
          { _id: name, $or: [{ fence: { $exists: false } }, { fence: { $lte: fence } }] },
          { $set: update },
          { upsert: true },
        );
        return undefined;
      } catch (error) {
        // The filter missed an existing document (a newer fence), so the upsert tried to insert its _id.
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
        return (await checkpoints.findOne({ _id: name }))?.fence ?? fence + 1;
      }
    });
    if (current !== undefined) throw new FencedOffError(name, fence, current);
  }
}
