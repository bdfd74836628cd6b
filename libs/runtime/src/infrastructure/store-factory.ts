import { Logger } from '@nestjs/common';
import type { CheckpointStore, DocumentStore, EventStore, KeyStore } from '@c360/kernel';
import { SqliteCheckpointStore, SqliteEventStore, SqliteKeyStore, openReadModelFile, openSqlite } from '@c360/store-sqlite';
import { resolve } from 'node:path';
import type { PlatformConfig } from '../config/platform-config';

export interface Stores {
  /** The adapter itself, without upcasting: what health and lag statistics ask. */
  readonly eventStore: EventStore;
  readonly documents: DocumentStore;
  readonly checkpoints: CheckpointStore;
  /**
   * The relay's checkpoints, apart from the read models: rebuilding read models (deleting their file or
   * collections) must not move the relay back and re-publish the history to the topics (ADR 0012).
   */
  readonly relayCheckpoints: CheckpointStore;
  /** Per-customer keys: always the embedded file `<dataDir>/keys.db`, whatever the other adapters (ADR 0006). */
  readonly keyStore: KeyStore;
  close(): Promise<void>;
}

/**
 * The one place where configuration turns into adapters. Production drivers are loaded only when
 * chosen, so the embedded default never opens a network connection.
 */
export async function createStores(config: PlatformConfig, options: { readonly readOnlyEventStore?: boolean } = {}): Promise<Stores> {
  const eventStore = await createEventStore(config.eventStore, options.readOnlyEventStore === true);
  const readModels = await createReadModelStores(config.readModels);
  const relay = readModels.relayCheckpoints ? undefined : openSqlite({ file: config.relayCheckpointFile, durability: 'full' });
  const relayCheckpoints = readModels.relayCheckpoints ?? new SqliteCheckpointStore(relay as NonNullable<typeof relay>);
  const keyStore = new SqliteKeyStore({ file: resolve(config.dataDir, 'keys.db') });
  return {
    eventStore,
    documents: readModels.documents,
    checkpoints: readModels.checkpoints,
    relayCheckpoints,
    keyStore,
    async close() {
      await eventStore.close();
      await readModels.close();
      if (relay?.open) relay.close();
      await keyStore.close();
    },
  };
}

/** `readOnly`: the operator's tools (issue 18) open the embedded file without writing to it, beside a running platform. */
async function createEventStore(config: PlatformConfig['eventStore'], readOnly: boolean): Promise<EventStore> {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore({ file: config.file, durability: config.durability, readOnly });
    case 'eventstoredb': {
      const { EventStoreDbEventStore } = await import('@c360/store-eventstoredb');
      return EventStoreDbEventStore.connect(config.url);
    }
  }
}

async function createReadModelStores(config: PlatformConfig['readModels']): Promise<{
  documents: DocumentStore;
  checkpoints: CheckpointStore;
  relayCheckpoints?: CheckpointStore;
  close(): Promise<void>;
}> {
  switch (config.kind) {
    case 'sqlite': {
      // secureDelete: erased personal data must not survive in free pages (ADR 0006).
      // A 64 MiB page cache: read models are many small documents touched once per batch; 256 MiB (the event
      // store's) grew RSS by that much during a catch-up.
      const documents = openReadModelFile(
        { file: config.file, durability: config.durability, secureDelete: true, cacheMiB: 64 },
        config.onCorrupt,
        (message) => new Logger('ReadModels').error(message),
      );
      return { documents, checkpoints: new SqliteCheckpointStore(documents.db), close: () => documents.close() };
    }
    case 'mongodb': {
      const { connectMongoReadModels } = await import('@c360/store-mongodb');
      return connectMongoReadModels({ url: config.url, database: config.database });
    }
  }
}
