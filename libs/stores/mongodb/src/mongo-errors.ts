import { TransientStoreError } from '@c360/kernel';
import { MongoError, MongoNetworkError, MongoServerError, MongoServerSelectionError, MongoWriteConcernError } from 'mongodb';

/**
 * What the `mongodb` driver throws, sorted into "try again" (the port's TransientStoreError, retried
 * with backoff by the subscription runner) and everything else (a bug or bad data: passed through).
 */

/** Server codes for a node that is unreachable, restarting, stepping down or no longer primary. */
const TRANSIENT_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

const TRANSIENT_LABELS = [
  'RetryableWriteError',
  'TransientTransactionError',
  'ResetPool',
  'PoolRequestedRetry',
  'RetryableError',
  'SystemOverloadedError',
];

export const DUPLICATE_KEY = 11000;

export function isTransientMongoError(error: unknown): boolean {
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) return true;
  if (error instanceof MongoWriteConcernError) return true;
  if (error instanceof MongoError && TRANSIENT_LABELS.some((label) => error.hasErrorLabel(label))) return true;
  return error instanceof MongoServerError && typeof error.code === 'number' && TRANSIENT_CODES.has(error.code);
}

/** E11000: an insert (or upsert) met an existing `_id` or a unique index entry. */
export function isDuplicateKey(error: unknown): boolean {
  if (!(error instanceof MongoServerError)) return false;
  if (error.code === DUPLICATE_KEY) return true;
  const writeErrors = (error as MongoServerError & { writeErrors?: unknown }).writeErrors;
  return (
    Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every((each: { code?: unknown }) => each.code === DUPLICATE_KEY)
  );
}

export function translateMongoError(error: unknown, action: string): unknown {
  if (isTransientMongoError(error)) {
    return new TransientStoreError(`Read-model store (MongoDB) failed to ${action}: ${(error as Error).message}`, { cause: error });
  }
  return error;
}
