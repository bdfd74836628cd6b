import type { Db, MongoClient } from 'mongodb';
import { translateMongoError } from './mongo-errors';

/**
 * One driver client shared by the document and checkpoint stores. The driver connects on first
 * use, but when that first connection fails it closes the client for good ("Topology is closed"):
 * a platform started while its MongoDB was down would never recover. So the connection is opened
 * explicitly, and opened again on the next operation after a failed attempt. Once connected, the
 * driver itself reconnects after a lost connection.
 */
export class MongoConnection {
  readonly db: Db;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly client: MongoClient,
    readonly databaseName: string,
  ) {
    this.db = client.db(databaseName);
  }

  /** Runs one driver call on a connected client, with the driver's faults translated (mongo-errors). */
  async run<T>(action: string, work: (db: Db) => Promise<T>): Promise<T> {
    try {
      await this.connect();
      return await work(this.db);
    } catch (error) {
      throw translateMongoError(error, action);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.close();
  }

  private connect(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The read-model store (MongoDB) is closed'));
    this.connecting ??= this.client.connect().then(
      () => undefined,
      (error: unknown) => {
        this.connecting = undefined;
        throw error;
      },
    );
    return this.connecting;
  }
}
