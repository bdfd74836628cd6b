import { Readable, Transform } from 'node:stream';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { GrpcEsdbClient } from './grpc-esdb-client';
import { IncompleteReadError } from './read-completion';

/**
 * The client's ReadStream as @eventstore/db-client 6.2.1 builds it (dist/streams/utils/ReadStream.js):
 * a Transform the gRPC call is piped into, which drops a client-side CANCELLED without an error. The
 * call ends as grpc-js ends it (client.js, onReceiveStatus): push(null), then the status.
 */
class FakeReadStream extends Transform {
  cancelled = false;
  constructor() {
    super({ objectMode: true, transform: (chunk, _encoding, next) => next(null, chunk) });
  }
  async cancel(): Promise<void> {
    this.cancelled = true;
  }
}

const resolved = (n: number) => ({
  event: {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    streamId: 's-1',
    revision: BigInt(n),
    type: 't',
    isJson: true,
    data: {},
    metadata: {},
    position: { commit: BigInt(n * 100), prepare: BigInt(n * 100) },
  },
});

function readEndingWith(status: { code: number; details: string } | undefined, count = 2): FakeReadStream {
  const read = new FakeReadStream();
  const call = new Readable({ objectMode: true, read: () => undefined });
  setImmediate(() => {
    call.pipe(read);
    for (let n = 1; n <= count; n++) call.push(resolved(n));
    call.push(null);
    if (status) call.emit('status', { ...status, metadata: undefined });
  });
  return read;
}

const clientReading = (read: FakeReadStream) =>
  new GrpcEsdbClient({ readAll: () => read, readStream: () => read, dispose: async () => undefined } as unknown as EventStoreDBClient);

describe('GrpcEsdbClient reads end only on an OK status', () => {
  it('answers a read whose call ended with OK', async () => {
    const events = await clientReading(readEndingWith({ code: 0, details: 'OK' })).readAll({
      direction: 'forwards',
      fromPosition: 'start',
      maxCount: 10,
    });
    expect(events.map((event) => event.revision)).toEqual([1n, 2n]);
  });

  it('refuses a read cancelled under it (the events it got are a short page, not the answer)', async () => {
    const read = clientReading(readEndingWith({ code: 1, details: 'Cancelled on client' })).readAll({
      direction: 'forwards',
      fromPosition: 'start',
      maxCount: 10,
    });
    await expect(read).rejects.toBeInstanceOf(IncompleteReadError);
  });

  it('refuses a read that ended without any status', async () => {
    await expect(
      clientReading(readEndingWith(undefined)).readStream('s-1', { direction: 'forwards', fromRevision: 'start', maxCount: 10 }),
    ).rejects.toBeInstanceOf(IncompleteReadError);
  });

  it("turns a late error status into the client's error, keeping its code", async () => {
    const read = clientReading(readEndingWith({ code: 13, details: 'Stream removed' })).readAll({
      direction: 'forwards',
      fromPosition: 'start',
      maxCount: 10,
    });
    await expect(read).rejects.toMatchObject({ type: 'unknown', code: 13 });
  });

  it('cancels the call when the caller gives up on it', async () => {
    const stream = new FakeReadStream();
    const abandon = new AbortController();
    const read = clientReading(stream).readAll({ direction: 'forwards', fromPosition: 'start', maxCount: 10, signal: abandon.signal });
    abandon.abort();
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.cancelled).toBe(true);
    stream.end();
    await expect(read).rejects.toBeInstanceOf(IncompleteReadError);
  });
});
