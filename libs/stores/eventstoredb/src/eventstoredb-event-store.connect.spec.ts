import { TransientStoreError } from '@c360/kernel';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

describe('EventStoreDbEventStore.connect (the real client, no server)', () => {
  it('refuses a malformed connection string at once', async () => {
    await expect(EventStoreDbEventStore.connect('mongodb://127.0.0.1:27017')).rejects.toThrow(/esdb:\/\//);
  });

  it('connects lazily, and reports an unreachable server as a transient fault', async () => {
    // Port 1 on the loopback: nothing listens there, the connection is refused at once.
    const store = await EventStoreDbEventStore.connect('esdb://127.0.0.1:1?tls=false');
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(TransientStoreError);
      await expect(store.readStream('loyalty-account-1')).rejects.toThrow(/not reachable/);
    } finally {
      await store.close();
    }
  });
});
