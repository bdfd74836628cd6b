import { TransientStoreError } from '@c360/kernel';
import { createServer, connect as connectTcp, type Server, type Socket } from 'node:net';
import { connectMongoReadModels, type MongoReadModels } from './connect-mongo-read-models';
import { requireMongoUrl, testDatabaseName } from './testing/mongo-test-env';

/**
 * Faults on the way to the server, made with a TCP proxy of our own in front of MONGO_URL: the
 * server is "down" while the proxy is not listening.
 */
class Proxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connectTcp(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** Stops listening and cuts every open connection, as a crashed server would. */
  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Asks until the store answers, a bounded number of times (the driver needs a moment to see a server again). */
async function untilAnswered<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof TransientStoreError) || attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('MongoDB connection faults', () => {
  const database = testDatabaseName('faults');
  let proxy: Proxy;
  let stores: MongoReadModels;

  beforeEach(async () => {
    const target = new URL(requireMongoUrl());
    proxy = new Proxy(await freePort(), { host: target.hostname, port: Number(target.port || 27017) });
    stores = await connectMongoReadModels({ url: `mongodb://127.0.0.1:${proxy.port}/?serverSelectionTimeoutMS=300`, database });
  });
  afterEach(async () => {
    if (!stores) return;
    await proxy.up().catch(() => undefined);
    await untilAnswered(() => stores.documents.dropCollection('faults')).catch(() => undefined);
    await stores.close();
    await proxy.down();
  });

  it('reports a server that is down at start-up as transient, and works once it is up', async () => {
    await expect(stores.documents.ping()).rejects.toBeInstanceOf(TransientStoreError);
    await expect(stores.checkpoints.get('faults')).rejects.toBeInstanceOf(TransientStoreError);

    await proxy.up();
    await untilAnswered(() => stores.documents.ping());
    expect(await stores.documents.write([{ kind: 'replace', collection: 'faults', id: 'a', doc: { v: 1 }, position: 1 }])).toEqual({
      applied: 1,
      skipped: 0,
    });
  });

  it('reports a lost connection as transient, and nothing acknowledged is lost when the server is back', async () => {
    await proxy.up();
    await stores.documents.write([{ kind: 'replace', collection: 'faults', id: 'a', doc: { v: 1 }, position: 1 }], {
      name: 'faults',
      position: 1,
    });

    await proxy.down();
    await expect(stores.documents.get('faults', 'a')).rejects.toBeInstanceOf(TransientStoreError);

    await proxy.up();
    expect(await untilAnswered(() => stores.documents.get('faults', 'a'))).toEqual({ _id: 'a', _position: 1, v: 1 });
    expect(await stores.checkpoints.get('faults')).toBe(1);
    await stores.checkpoints.reset('faults');
  });
});
