import { eventStoreContract } from '@c360/contract-tests';
import type { EventStore } from '@c360/kernel';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The shared EventStore contract against a real EventStoreDB:
 *   EVENTSTORE_URL=esdb://127.0.0.1:2113?tls=false npx jest -c jest.infra.config.ts libs/stores/eventstoredb
 * (server: `docker compose -f infra/docker-compose.yml up -d eventstoredb`; docs/adapters/eventstoredb.md).
 * Every test works in streams with a unique prefix, so a shared server needs no cleaning; a fresh one
 * keeps the filtered `$all` reads short.
 */
const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', {
    async open() {
      const opened: EventStore[] = [];
      const connect = async () => {
        const store = await EventStoreDbEventStore.connect(url);
        opened.push(store);
        return store;
      };
      const store = await connect();
      return {
        store,
        reopen: connect,
        dispose: async () => {
          await Promise.all(opened.map((each) => each.close()));
        },
      };
    },
  });
} else {
  describe('EventStore contract: EventStoreDB', () => {
    it('needs a server', () => {
      throw new Error(
        'Set EVENTSTORE_URL (e.g. esdb://127.0.0.1:2113?tls=false, from `docker compose -f infra/docker-compose.yml up -d eventstoredb`) to run the EventStoreDB contract suite',
      );
    });
  });
}
