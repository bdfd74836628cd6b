import { FencedOffError, hasProcessorLeases, type CheckpointStore, type ProcessorLeaseStore } from '@c360/kernel';
import { uniquePrefix } from './sample-events';

export interface CheckpointStoreHarness {
  open(): Promise<{ checkpoints: CheckpointStore; reopen(): Promise<CheckpointStore>; dispose(): Promise<void> }>;
}

export function checkpointStoreContract(adapter: string, harness: CheckpointStoreHarness): void {
  describe(`CheckpointStore contract: ${adapter}`, () => {
    let checkpoints: CheckpointStore;
    let reopen: () => Promise<CheckpointStore>;
    let dispose: () => Promise<void>;
    let name: string;

    beforeEach(async () => {
      ({ checkpoints, reopen, dispose } = await harness.open());
      name = uniquePrefix('processor');
    });
    afterEach(() => dispose());

    it('knows no checkpoint for a new processor', async () => {
      expect(await checkpoints.get(name)).toBeUndefined();
    });

    it('stores, moves and survives a restart', async () => {
      await checkpoints.set(name, 10);
      await checkpoints.set(name, 25);
      expect(await checkpoints.get(name)).toBe(25);
      const restarted = await reopen();
      expect(await restarted.get(name)).toBe(25);
    });

    it('resets one processor without touching the others', async () => {
      await checkpoints.set(name, 3);
      await checkpoints.set(`${name}-other`, 4);
      await checkpoints.reset(name);
      expect(await checkpoints.get(name)).toBeUndefined();
      expect(await checkpoints.get(`${name}-other`)).toBe(4);
      const listed = (await checkpoints.list()).filter((entry) => entry.name.startsWith(name));
      expect(listed).toEqual([{ name: `${name}-other`, position: 4 }]);
    });

    it('refuses a negative or fractional position', async () => {
      await expect(checkpoints.set(name, -1)).rejects.toThrow(/position/);
      await expect(checkpoints.set(name, 1.5)).rejects.toThrow(/position/);
      expect(await checkpoints.get(name)).toBeUndefined();
    });

    describe('processor leases (work sharing between instances)', () => {
      // A second handle on the same store (another connection) plays the other instance.
      let mine: CheckpointStore & ProcessorLeaseStore;
      let theirs: CheckpointStore & ProcessorLeaseStore;
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

      beforeEach(async () => {
        const other = await reopen();
        if (!hasProcessorLeases(checkpoints) || !hasProcessorLeases(other)) throw new Error(`${adapter} has no processor leases`);
        mine = checkpoints as CheckpointStore & ProcessorLeaseStore;
        theirs = other as CheckpointStore & ProcessorLeaseStore;
      });

      it('gives a free lease to one instance, renews it for that one and refuses the other while it is live', async () => {
        const first = await mine.acquireLease(name, 'instance-a', 10_000);
        expect(first).toMatchObject({ name, holder: 'instance-a', token: 1 });
        expect(await theirs.acquireLease(name, 'instance-b', 10_000)).toBeUndefined();
        const renewed = await mine.acquireLease(name, 'instance-a', 10_000);
        expect(renewed?.token).toBe(1);
        expect(renewed?.expiresAt).toBeGreaterThanOrEqual(first?.expiresAt ?? Infinity);
        expect((await theirs.listLeases()).filter((lease) => lease.name === name)).toEqual([
          expect.objectContaining({ name, holder: 'instance-a', token: 1 }),
        ]);
      });

      it('hands an expired lease to another instance with a higher token, and fences the old holder off', async () => {
        const old = await mine.acquireLease(name, 'instance-a', 100);
        await mine.set(name, 10, old?.token);
        await sleep(250);
        const taken = await theirs.acquireLease(name, 'instance-b', 10_000);
        expect(taken).toMatchObject({ holder: 'instance-b', token: (old?.token ?? 0) + 1 });
        await expect(mine.set(name, 99, old?.token)).rejects.toBeInstanceOf(FencedOffError);
        expect(await theirs.get(name)).toBe(10);
        await theirs.set(name, 20, taken?.token);
        expect(await mine.get(name)).toBe(20);
        expect(await mine.acquireLease(name, 'instance-a', 10_000)).toBeUndefined();
      });

      it('lets another instance take a released lease at once, never reusing a token', async () => {
        const first = await mine.acquireLease(name, 'instance-a', 60_000);
        await mine.releaseLease(first as NonNullable<typeof first>);
        const next = await theirs.acquireLease(name, 'instance-b', 60_000);
        expect(next?.token).toBe((first?.token ?? 0) + 1);
        await mine.releaseLease(first as NonNullable<typeof first>); // a stale release changes nothing
        expect(await mine.acquireLease(name, 'instance-a', 60_000)).toBeUndefined();
      });

      it('writes checkpoints without a fence as before, and refuses bad lease requests', async () => {
        await mine.acquireLease(name, 'instance-a', 60_000);
        await theirs.set(name, 5);
        expect(await mine.get(name)).toBe(5);
        await expect(mine.acquireLease('', 'instance-a', 1_000)).rejects.toThrow(/name/);
        await expect(mine.acquireLease(name, '', 1_000)).rejects.toThrow(/holder/);
        await expect(mine.acquireLease(name, 'instance-a', 0)).rejects.toThrow(/ttlMs/);
      });
    });
  });
}
