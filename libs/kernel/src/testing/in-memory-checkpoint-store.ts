import type { CheckpointStore } from '../ports/checkpoint-store.port';
import { assertFence, assertLeaseRequest, type ProcessorLease, type ProcessorLeaseStore } from '../ports/processor-lease.port';

/** Checkpoints and processor leases in memory, for specs of processors and runners. */
export class InMemoryCheckpointStore implements CheckpointStore, ProcessorLeaseStore {
  private readonly positions = new Map<string, number>();
  private readonly leases = new Map<string, ProcessorLease>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(name: string): Promise<number | undefined> {
    return this.positions.get(name);
  }

  async set(name: string, position: number, fence?: number): Promise<void> {
    if (!name) throw new TypeError('Checkpoint name must be a non-empty string');
    if (!Number.isSafeInteger(position) || position < 0)
      throw new TypeError(`Checkpoint position must be an integer >= 0 (got ${position})`);
    assertFence(name, fence, this.leases.get(name)?.token);
    this.positions.set(name, position);
  }

  async reset(name: string): Promise<void> {
    this.positions.delete(name);
  }

  async list(): Promise<Array<{ name: string; position: number }>> {
    return [...this.positions].map(([name, position]) => ({ name, position }));
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<ProcessorLease | undefined> {
    assertLeaseRequest(name, holder, ttlMs);
    const now = this.now();
    const current = this.leases.get(name);
    if (current && current.holder !== holder && current.expiresAt > now) return undefined;
    const token = current?.holder === holder ? current.token : (current?.token ?? 0) + 1;
    const lease = { name, holder, token, expiresAt: now + ttlMs };
    this.leases.set(name, lease);
    return lease;
  }

  async releaseLease(lease: ProcessorLease): Promise<void> {
    const current = this.leases.get(lease.name);
    if (current?.holder === lease.holder && current.token === lease.token) this.leases.set(lease.name, { ...current, expiresAt: 0 });
  }

  async listLeases(): Promise<ProcessorLease[]> {
    return [...this.leases.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
