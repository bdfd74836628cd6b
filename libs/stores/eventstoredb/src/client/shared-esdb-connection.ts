import { EventStoreDBClient } from '@eventstore/db-client';

/**
 * One EventStoreDBClient per process (ADR 0010). @eventstore/db-client 6.2.1 keeps the pending
 * appends of every client in one module-level map (dist/streams/appendToStream/batchAppend.js,
 * `promiseBank`), and a transport error on any client's batch-append stream rejects all of them and
 * clears the map; a reply that then arrives on another client's stream finds no entry and throws
 * inside the stream's 'data' handler. With a single client, the appends a transport error rejects are
 * this process's own appends on the failed channel (each retried as "may have been written"), and no
 * second stream of ours can be waiting for a reply the error has orphaned.
 *
 * Stores that connect with the same connection string share the client; it is disposed when the last
 * of them lets go. A different connection string in the same process is refused.
 */
interface Shared {
  readonly connectionString: string;
  readonly client: EventStoreDBClient;
  users: number;
}

let shared: Shared | undefined;

export interface AcquiredClient {
  readonly client: EventStoreDBClient;
  release(): Promise<void>;
}

export function acquireSharedClient(connectionString: string, create = EventStoreDBClient.connectionString): AcquiredClient {
  if (shared && shared.connectionString !== connectionString) {
    throw new Error(
      'This process already has an EventStoreDB client for another connection string; @eventstore/db-client 6 shares ' +
        'pending appends between clients, so the adapter allows one per process (docs/adr/0010-eventstoredb-client-faults.md)',
    );
  }
  // Parsing first: a malformed string throws here and leaves nothing behind.
  const entry: Shared = shared ?? { connectionString, client: create(connectionString), users: 0 };
  shared = entry;
  entry.users++;
  let released = false;
  return {
    client: entry.client,
    release: async () => {
      if (released) return;
      released = true;
      entry.users--;
      if (entry.users > 0) return;
      if (shared === entry) shared = undefined;
      await entry.client.dispose();
    },
  };
}
