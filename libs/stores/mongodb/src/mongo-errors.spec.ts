import { TransientStoreError } from '@c360/kernel';
import { MongoBulkWriteError, MongoNetworkError, MongoNetworkTimeoutError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { connectMongoReadModels } from './connect-mongo-read-models';
import { isDuplicateKey, isTransientMongoError, translateMongoError } from './mongo-errors';

const serverError = (code: number, labels: string[] = []) => {
  const error = new MongoServerError({ code, errmsg: `code ${code}`, ok: 0 });
  labels.forEach((label) => error.addErrorLabel(label));
  return error;
};

describe('MongoDB error translation', () => {
  it('calls network faults, server selection time-outs and a lost primary transient', () => {
    expect(isTransientMongoError(new MongoNetworkError('connection reset'))).toBe(true);
    expect(isTransientMongoError(new MongoNetworkTimeoutError('timed out'))).toBe(true);
    expect(isTransientMongoError(new MongoServerSelectionError('no server', {} as never))).toBe(true);
    expect(isTransientMongoError(serverError(10107))).toBe(true); // NotWritablePrimary
    expect(isTransientMongoError(serverError(13435))).toBe(true); // NotPrimaryNoSecondaryOk
    expect(isTransientMongoError(serverError(91))).toBe(true); // ShutdownInProgress
    expect(isTransientMongoError(serverError(2, ['RetryableWriteError']))).toBe(true);
  });

  it('passes bugs and bad data through untouched', () => {
    expect(isTransientMongoError(serverError(11000))).toBe(false);
    expect(isTransientMongoError(serverError(2))).toBe(false); // BadValue
    expect(isTransientMongoError(new TypeError('bad filter'))).toBe(false);
    const bad = serverError(2);
    expect(translateMongoError(bad, 'write')).toBe(bad);
  });

  it('wraps a transient fault in the port error, keeping the cause', () => {
    const cause = new MongoNetworkError('connection reset');
    const translated = translateMongoError(cause, 'write documents');
    expect(translated).toBeInstanceOf(TransientStoreError);
    expect((translated as TransientStoreError).message).toMatch(/failed to write documents: connection reset/);
    expect((translated as TransientStoreError).cause).toBe(cause);
  });

  it('recognises E11000, alone or as the write errors of a bulk write', () => {
    expect(isDuplicateKey(serverError(11000))).toBe(true);
    const bulk = new MongoBulkWriteError(
      { message: 'E11000', code: 11000, writeErrors: [{ index: 0, code: 11000, errmsg: 'E11000 duplicate key error' }] } as never,
      {} as never,
    );
    expect(isDuplicateKey(bulk)).toBe(true);
    expect(isDuplicateKey(serverError(2))).toBe(false);
    expect(isDuplicateKey(new Error('E11000'))).toBe(false);
  });

  it('reports an unreachable server as a transient fault of the store, without a server to talk to', async () => {
    // Port 9 (discard) on the loopback: nothing listens there.
    const { documents, close } = await connectMongoReadModels({
      url: 'mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=200',
      database: 'c360',
    });
    try {
      await expect(documents.ping()).rejects.toBeInstanceOf(TransientStoreError);
      await expect(documents.get('things', 'a')).rejects.toBeInstanceOf(TransientStoreError);
    } finally {
      await close();
    }
  });

  it('refuses a malformed URL at once', async () => {
    await expect(connectMongoReadModels({ url: 'http://example', database: 'c360' })).rejects.toThrow(/Invalid scheme/);
  });
});
