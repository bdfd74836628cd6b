import type { CheckpointStore } from '../ports/checkpoint-store.port';

/** Checkpoints in memory, for specs of processors and runners. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async get(name: string): Promise<number | undefined> {
    return this.positions.get(name);
  }

  async set(name: string, position: number): Promise<void> {
    if (!name) throw new TypeError('Checkpoint name must be a non-empty string');
    if (!Number.isSafeInteger(position) || position < 0)
      throw new TypeError(`Checkpoint position must be an integer >= 0 (got ${position})`);
    this.positions.set(name, position);
  }

  async reset(name: string): Promise<void> {
    this.positions.delete(name);
  }

  async list(): Promise<Array<{ name: string; position: number }>> {
    return [...this.positions].map(([name, position]) => ({ name, position }));
  }
}
