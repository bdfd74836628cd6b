import { InMemoryCheckpointStore } from '@c360/kernel/testing';
import { checkpointStoreContract } from './checkpoint-store.contract';

// Specs of runners and processors use the in-memory checkpoints: they keep the same promises.
checkpointStoreContract('in-memory (specs only)', {
  async open() {
    const checkpoints = new InMemoryCheckpointStore();
    return { checkpoints, reopen: async () => checkpoints, dispose: async () => undefined };
  },
});
