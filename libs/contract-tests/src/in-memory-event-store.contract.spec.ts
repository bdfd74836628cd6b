import { InMemoryEventStore } from '@c360/kernel/testing';
import { eventStoreContract } from './event-store.contract';

// The in-memory store backs fast kernel specs; it must keep the same promises as the real adapters.
// "Reopen" shares the same memory, as a restarted process shares the same file.
eventStoreContract('in-memory (specs only)', {
  async open() {
    const store = new InMemoryEventStore();
    return { store, reopen: async () => store, dispose: () => store.close() };
  },
});
