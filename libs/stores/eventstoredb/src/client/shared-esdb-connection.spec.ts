import type { EventStoreDBClient } from '@eventstore/db-client';
import { acquireSharedClient } from './shared-esdb-connection';

describe('one EventStoreDB client per process', () => {
  const fakeClient = () => {
    const client = { disposed: 0, dispose: async () => void client.disposed++ };
    return client;
  };

  it('shares the client between stores on the same connection string, and disposes it after the last one', async () => {
    const created: Array<ReturnType<typeof fakeClient>> = [];
    const create = () => {
      const client = fakeClient();
      created.push(client);
      return client as unknown as EventStoreDBClient;
    };
    const first = acquireSharedClient('esdb://a:2113?tls=false', create);
    const second = acquireSharedClient('esdb://a:2113?tls=false', create);
    expect(second.client).toBe(first.client);
    expect(() => acquireSharedClient('esdb://b:2113?tls=false', create)).toThrow(/one per process/);

    await first.release();
    await first.release(); // twice is once
    expect(created[0].disposed).toBe(0);
    await second.release();
    expect(created[0].disposed).toBe(1);

    // Released: another connection string may now be used.
    const third = acquireSharedClient('esdb://b:2113?tls=false', create);
    expect(created).toHaveLength(2);
    await third.release();
  });
});
