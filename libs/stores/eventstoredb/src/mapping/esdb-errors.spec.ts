import { StreamDeletedError, TransientStoreError, WrongExpectedRevisionError } from '@c360/kernel';
import {
  AccessDeniedError,
  DeadlineExceededError,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { isStreamNotFound, translateError } from './esdb-errors';

describe('translating EventStoreDB client errors', () => {
  it('turns a wrong expected version into WrongExpectedRevisionError with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: 1n, current: 3n });
    const translated = translateError(error, { streamId: 's-1', expected: '1' });
    expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
    expect(translated).toMatchObject({ streamId: 's-1', expected: '1', actual: 3 });
  });

  it('reports -1 when the stream does not exist', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: 'stream_exists', current: 'no_stream' });
    expect(translateError(error, { streamId: 's-1', expected: 'stream_exists' })).toMatchObject({ actual: -1 });
  });

  it('turns a deleted stream into StreamDeletedError', () => {
    const translated = translateError(EsdbStreamDeletedError.fromStreamName('s-1'), { streamId: 's-1' });
    expect(translated).toBeInstanceOf(StreamDeletedError);
    expect(translated).toMatchObject({ streamId: 's-1' });
  });

  it.each([
    ['an unavailable node', new UnavailableError()],
    ['a deadline', new DeadlineExceededError()],
    ['a raw gRPC UNAVAILABLE', Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2113'), { code: 'ECONNREFUSED' })],
    ['failed discovery', new Error('Failed to discover after 10 attempts.')],
  ])('treats %s as transient, keeping the cause', (_name, error) => {
    const translated = translateError(error);
    expect(translated).toBeInstanceOf(TransientStoreError);
    expect((translated as TransientStoreError).cause).toBe(error);
  });

  it('passes through what it cannot translate (access denied is not transient)', () => {
    const error = new AccessDeniedError();
    expect(translateError(error)).toBe(error);
  });

  it('recognises a missing stream', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's-1'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
  });
});
