import { checkpointStoreContract, documentStoreContract } from '@c360/contract-tests';
import { MongoClient } from 'mongodb';
import { MongoCheckpointStore } from './checkpoints/mongo-checkpoint-store';
import { clientOptions, connectMongoReadModels, openMongoConnection } from './connect-mongo-read-models';
import type { MongoConnection } from './mongo-connection';
import { requireMongoUrl, testDatabaseName } from './testing/mongo-test-env';

/**
 * The shared DocumentStore and CheckpointStore contracts through the real `mongodb` driver:
 *   npm run test:infra                       (starts FerretDB, sets MONGO_URL)
 *   MONGO_URL=mongodb://127.0.0.1:27017/ npx jest -c jest.infra.config.ts libs/stores/mongodb
 */
const url = process.env.MONGO_URL;
const database = testDatabaseName('contract');

if (url) {
  documentStoreContract('MongoDB wire', {
    async open() {
      const { documents, checkpoints, close } = await connectMongoReadModels({ url, database });
      return { documents, checkpoints, dispose: close };
    },
  });

  checkpointStoreContract('MongoDB wire', {
    async open() {
      const connections: MongoConnection[] = [];
      const connect = () => {
        const connection = openMongoConnection({ url, database });
        connections.push(connection);
        return new MongoCheckpointStore(connection);
      };
      return {
        checkpoints: connect(),
        reopen: async () => connect(),
        dispose: async () => {
          await Promise.all(connections.map((connection) => connection.close()));
        },
      };
    },
  });

  afterAll(async () => {
    const client = new MongoClient(url, clientOptions(url));
    await client.db(database).dropDatabase();
    await client.close();
  });
} else {
  describe('DocumentStore and CheckpointStore contracts: MongoDB wire', () => {
    it('needs a server', () => {
      requireMongoUrl();
    });
  });
}
