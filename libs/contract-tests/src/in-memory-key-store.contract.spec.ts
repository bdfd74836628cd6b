import { InMemoryKeyStore } from '@c360/kernel';
import { keyStoreContract } from './key-store.contract';

// The in-memory key store backs fast specs; "reopen" shares the same memory, like a restarted process.
keyStoreContract('in-memory (specs only)', {
  async open() {
    const keys = new InMemoryKeyStore();
    return { keys, reopen: async () => keys, dispose: () => keys.close() };
  },
});
