/** Errors that event and document stores raise, the same for every adapter. */

/** The stream is not at the revision the writer expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    /** Current revision of the stream, -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`Stream "${streamId}" is at revision ${actual}, the append expected ${expected}`);
  }
}

/** The same event ids were appended before, but not as the same batch at the same place. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Event id ${eventId} already exists and does not match the batch appended to "${streamId}"`);
  }
}

/** The stream was deleted (tombstoned) and cannot be written again. */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';
  constructor(readonly streamId: string) {
    super(`Stream "${streamId}" was deleted`);
  }
}

/**
 * A fault that may pass by itself (connection lost, server busy, disk briefly full): readers and
 * subscription runners retry these with backoff; nothing acknowledged has been lost.
 */
export class TransientStoreError extends Error {
  override readonly name = 'TransientStoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A stored record cannot be decoded (corrupt row, unreadable JSON): never skipped silently. */
export class CorruptEventError extends Error {
  override readonly name = 'CorruptEventError';
  constructor(
    readonly position: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An event type no registered upcaster, decider or projection knows. */
export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly where: string,
  ) {
    super(`${where} cannot handle event type "${eventType}" v${schemaVersion}`);
  }
}

/** A command could not be applied after the bounded number of optimistic retries, or the client's
 *  expected version is stale. Carries the current revision so an API can answer 409 with it. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly currentRevision: number,
    message: string,
  ) {
    super(message);
  }
}

export function isTransient(error: unknown): boolean {
  return error instanceof TransientStoreError;
}

/** A write would give two documents the same value in a unique index. The embedded store keeps nothing of
 *  the batch; MongoDB keeps the writes before the violating one (no transactions, ADR 0005). */
export class UniqueConstraintError extends Error {
  override readonly name = 'UniqueConstraintError';
  constructor(
    readonly collection: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Unique index violated in "${collection}": ${message}`, options);
  }
}

/** An append is larger than the store accepts in one write (EventStoreDB's `MaxAppendSize`, 1 MiB by
 *  default, counting data, metadata and event type). Retrying cannot help: split the work or shrink it. */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';
  constructor(
    readonly streamId: string,
    /** The store's limit in bytes, as the store counts them. */
    readonly maxAppendSize: number,
    /** The batch's size as counted by the adapter, when it knows it. */
    readonly size: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `The append to "${streamId}" is ${size === undefined ? 'larger than' : `${size} bytes, over`} the store's maximum append size of ${maxAppendSize} bytes`,
      options,
    );
  }
}
