import type { CheckpointStore, DocumentStore } from '@c360/kernel';
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { MongoDocumentStore } from './documents/mongo-document-store';
import { MongoCheckpointStore, RELAY_CHECKPOINT_COLLECTION } from './checkpoints/mongo-checkpoint-store';
import { MongoConnection } from './mongo-connection';

export interface MongoReadModelsConfig {
  /** `mongodb://127.0.0.1:27017` (or FerretDB's address). Options in the URL win over the defaults below. */
  readonly url: string;
  /** Database that holds the read models and their checkpoints. */
  readonly database: string;
}

export interface MongoReadModels {
  readonly documents: DocumentStore;
  readonly checkpoints: CheckpointStore;
  /** The relay's checkpoints, in a collection of their own. */
  readonly relayCheckpoints: CheckpointStore;
  close(): Promise<void>;
}

/** How long an operation waits for a reachable server before it fails as transient. */
const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5_000;

/**
 * The read-model stores on one MongoDB client. It connects on first use, as the EventStoreDB
 * adapter does: a server that is down at start-up shows in `/health/ready` and as retried
 * (transient) faults until it is up, not as a process that refuses to start. A malformed URL
 * throws here.
 */
export async function connectMongoReadModels(config: MongoReadModelsConfig): Promise<MongoReadModels> {
  const connection = openMongoConnection(config);
  const documents = new MongoDocumentStore(connection);
  const relayCheckpoints = new MongoCheckpointStore(connection, RELAY_CHECKPOINT_COLLECTION);
  return { documents, checkpoints: documents.checkpoints, relayCheckpoints, close: () => documents.close() };
}

export function openMongoConnection(config: MongoReadModelsConfig): MongoConnection {
  return new MongoConnection(new MongoClient(config.url, clientOptions(config.url)), config.database);
}

export function clientOptions(url: string): MongoClientOptions {
  const options: MongoClientOptions = {
    appName: 'c360-read-models',
    // JSON (and the embedded adapter) drop undefined properties; BSON would store them as null.
    ignoreUndefined: true,
  };
  if (!/[?&]serverSelectionTimeoutMS=/i.test(url)) options.serverSelectionTimeoutMS = DEFAULT_SERVER_SELECTION_TIMEOUT_MS;
  return options;
}
