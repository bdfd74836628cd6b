import type { CheckpointStore } from '@c360/kernel';
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
  });
}
