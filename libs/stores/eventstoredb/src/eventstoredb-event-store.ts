import {
  AppendTooLargeError,
  NO_STREAM_REVISION,
  WrongExpectedRevisionError,
  type AllSlice,
  type AllSubscription,
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@c360/kernel';
import type { EsdbClient, EsdbEventData, EsdbExpectedRevision, EsdbRecordedEvent } from './client/esdb-client';
import { GrpcEsdbClient } from './client/grpc-esdb-client';
import { TimeLimitedEsdbClient } from './client/time-limited-esdb-client';
import { KnownStream, KnownStreamIds } from './idempotency/known-stream-ids';
import { importInAppends, type ImportResult } from './import/import-stream';
import { appendSize } from './mapping/append-size';
import { DEFAULT_MAX_APPEND_SIZE, actualRevision, isStreamNotFound, isWrongExpectedVersion, translateError } from './mapping/esdb-errors';
import { appendPosition, checkpointPosition, eventPosition, toRevision } from './mapping/esdb-positions';
import { decodeEvent, encodeNewEvents } from './mapping/event-codec';
import { matchesFilter } from './mapping/event-filter';
import { EsdbAllSubscription } from './subscription/esdb-all-subscription';

export interface EventStoreDbOptions {
  /** Event ids remembered per stream for idempotency checks, in total. Default 200,000. */
  readonly knownIds?: number;
  /** Events read per page when a stream is read for its ids. Default 1,000. */
  readonly streamPageSize?: number;
  /**
   * Events per page of a filtered `readAll` (it filters on the client, the v6 client's `$all` reads
   * take no filter), which pages on until it has `maxCount` matches or reaches the end. Default 1,000.
   */
  readonly allPageSize?: number;
  /** Most events read backwards from the head by a subscription's tail check. Default 1,000. */
  readonly tailWindow?: number;
  /** A quiet live subscription checks the head this often, unless the reader says otherwise. Default 500 ms. */
  readonly idleMs?: number;
  /** Backoff between resubscriptions after a dropped subscription. Default 100 ms doubling to 5 s. */
  readonly resubscribeBackoff?: { readonly baseMs: number; readonly maxMs: number };
  /** Time limit of the readiness check. Default 3 s. */
  readonly pingDeadlineMs?: number;
  /** Time limit of every read (stream, `$all`, head position); expiry is a TransientStoreError. Default 10 s. */
  readonly readDeadlineMs?: number;
  /**
   * Time limit of an append; expiry is a TransientStoreError and the append may have been written (a
   * retry with the same event ids finds it). Default 15 s, above the server's own 10 s append deadline.
   */
  readonly appendDeadlineMs?: number;
  /** The server's `MaxAppendSize` in bytes (data + metadata + 2 × type length). Default 1 MiB. */
  readonly maxAppendSize?: number;
  /** A subscription hands out a slice that only moves its position (a server checkpoint) at most this often. Default 1 s. */
  readonly checkpointIntervalMs?: number;
  /** Milliseconds now; specs inject one. Default Date.now. */
  readonly now?: () => number;
}

/**
 * The EventStore port on EventStoreDB (`@eventstore/db-client`, gRPC). Positions: ADR 0004.
 *
 * Idempotency: EventStoreDB itself only dedupes a batch re-sent with the same expected revision
 * (and, best effort, recent ids with `any`); it writes ids it has seen before anywhere else. So the
 * adapter checks a batch's ids against the stream before writing, from what it knows of the
 * stream's ids (`KnownStreamIds`, fed by its own reads and appends and brought up to date with one
 * read from the last known revision): the same batch again is a duplicate, answered with the
 * original revision and position; a partial overlap is an IdempotencyConflictError.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly known: KnownStreamIds;
  private readonly settings: Required<EventStoreDbOptions>;
  private readonly subscriptions = new Set<EsdbAllSubscription>();
  private readonly client: EsdbClient;
  private closed = false;

  constructor(client: EsdbClient, options: EventStoreDbOptions = {}) {
    this.settings = {
      knownIds: options.knownIds ?? 200_000,
      streamPageSize: options.streamPageSize ?? 1_000,
      allPageSize: options.allPageSize ?? 1_000,
      tailWindow: options.tailWindow ?? 1_000,
      idleMs: options.idleMs ?? 500,
      resubscribeBackoff: options.resubscribeBackoff ?? { baseMs: 100, maxMs: 5_000 },
      pingDeadlineMs: options.pingDeadlineMs ?? 3_000,
      readDeadlineMs: options.readDeadlineMs ?? 10_000,
      appendDeadlineMs: options.appendDeadlineMs ?? 15_000,
      maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE,
      checkpointIntervalMs: options.checkpointIntervalMs ?? 1_000,
      now: options.now ?? Date.now,
    };
    this.client = new TimeLimitedEsdbClient(client, { readMs: this.settings.readDeadlineMs, appendMs: this.settings.appendDeadlineMs });
    this.known = new KnownStreamIds(this.settings.knownIds);
  }

  /** `esdb://127.0.0.1:2113?tls=false`. A malformed string throws here; the connection opens on first use. */
  static async connect(connectionString: string, options?: EventStoreDbOptions): Promise<EventStoreDbEventStore> {
    return new EventStoreDbEventStore(GrpcEsdbClient.fromConnectionString(connectionString), options);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const encoded = encodeNewEvents(streamId, events);
    const expected = options?.expectedRevision;
    const esdbExpected = toEsdbExpectedRevision(expected);
    // One append is one atomic write: over the server's limit it is refused whole, never split.
    const size = appendSize(encoded);
    if (size > this.settings.maxAppendSize) throw new AppendTooLargeError(streamId, this.settings.maxAppendSize, size);
    const ids = encoded.map((event) => event.id);

    // A stream known to be exactly where the writer expects it needs no read before the write: the
    // server rejects the write if anything was appended since, and that path reads then.
    let known = this.known.get(streamId);
    if (!known || known.revision !== expectedNumber(expected)) known = await this.catchUp(streamId, known);
    const before = known.classify(streamId, ids);
    if (before.kind === 'duplicate') return this.duplicateOf(streamId, before.lastRevision);

    try {
      const result = await this.client.appendToStream(streamId, encoded, esdbExpected);
      return await this.written(streamId, known, encoded, result.nextExpectedRevision, result.position);
    } catch (error) {
      if (!isWrongExpectedVersion(error)) {
        // A lost answer (a reset stream, a time limit, the shared batch stream failing) may hide a
        // write: read the stream again next time, and the retry finds the batch by its ids.
        this.known.forget(streamId);
        throw translateError(error, { streamId, expected: String(expected) });
      }
      // Someone else wrote first — possibly this very batch (a retry whose first answer was lost).
      const now = await this.catchUp(streamId, known);
      const after = now.classify(streamId, ids);
      if (after.kind === 'duplicate') return this.duplicateOf(streamId, after.lastRevision);
      throw new WrongExpectedRevisionError(streamId, String(expected), actualRevision(error));
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<EventEnvelope[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    if (options.direction !== undefined && options.direction !== 'forwards' && !backwards) {
      throw new TypeError(`direction must be "forwards" or "backwards" (got ${JSON.stringify(options.direction)})`);
    }
    const fromRevision = optionalCount(options.fromRevision, 'fromRevision', 0);
    const maxCount = optionalCount(options.maxCount, 'maxCount', 0);
    if (maxCount === 0) return [];
    const recorded = await this.readRecorded(streamId, {
      direction: backwards ? 'backwards' : 'forwards',
      fromRevision: fromRevision === undefined ? (backwards ? 'end' : 'start') : BigInt(fromRevision),
      maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    const envelopes = recorded.map((event) => decodeEvent(event, eventPosition(event.position, event.id)));
    if (!backwards) this.learn(streamId, fromRevision ?? 0, envelopes);
    return envelopes;
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    const [last] = await this.readRecorded(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    return last ? toRevision(last.revision, streamId) : NO_STREAM_REVISION;
  }

  async readAll(options: ReadAllOptions = {}): Promise<AllSlice> {
    this.assertOpen();
    const after = options.after;
    if (after !== undefined) checkpointPosition(after); // validates
    const maxCount = optionalCount(options.maxCount, 'maxCount', 1) ?? 1_000;
    // Filtered reads page wider, since most of what they scan is not returned. One extra event tells
    // whether a page reached the end; every page starts with the last event of the one before
    // (reads are inclusive).
    // No cap on what one call scans: a reader asked for matches, and a slice with none that is not
    // the end would only make it ask again from the same place.
    const pageSize = (options.filter ? Math.max(maxCount, this.settings.allPageSize) : maxCount) + 1;
    const events: EventEnvelope[] = [];
    let lastPosition = after;
    for (;;) {
      const page = await this.call(() =>
        this.client.readAll({
          direction: 'forwards',
          fromPosition: lastPosition === undefined ? 'start' : checkpointPosition(lastPosition),
          maxCount: pageSize,
        }),
      );
      const reachedEnd = page.length < pageSize;
      for (let index = 0; index < page.length; index++) {
        const event = page[index];
        const position = eventPosition(event.position, event.id);
        if (lastPosition !== undefined && position <= lastPosition) continue;
        lastPosition = position;
        if (matchesFilter(options.filter, event)) events.push(decodeEvent(event, position));
        if (events.length === maxCount) {
          return { events, lastPosition, isEnd: reachedEnd && index === page.length - 1 };
        }
      }
      if (reachedEnd) return { events, lastPosition, isEnd: true };
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    if (options.after !== undefined) checkpointPosition(options.after); // validates
    const subscription: EsdbAllSubscription = new EsdbAllSubscription({
      client: this.client,
      after: options.after,
      filter: options.filter,
      maxCount: optionalCount(options.maxCount, 'maxCount', 1) ?? 500,
      idleMs: options.pollIntervalMs ?? this.settings.idleMs,
      tailWindow: this.settings.tailWindow,
      backoff: this.settings.resubscribeBackoff,
      checkpointIntervalMs: this.settings.checkpointIntervalMs,
      now: this.settings.now,
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Copies a stream's history in (the store migration path), split into appends under the server's
   * `MaxAppendSize` when it does not fit in one; see import/import-stream.ts for what that gives up
   * (the import is resumable, not atomic). One event over the limit: AppendTooLargeError.
   */
  async importStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<ImportResult> {
    this.assertOpen();
    const imported = await importInAppends(
      streamId,
      events,
      options.expectedRevision,
      this.settings.maxAppendSize,
      (run, expectedRevision) => this.appendToStream(streamId, run, { expectedRevision }),
    );
    if (!imported) throw new AppendTooLargeError(streamId, this.settings.maxAppendSize, undefined);
    return imported;
  }

  async headPosition(): Promise<number | undefined> {
    this.assertOpen();
    const [last] = await this.call(() => this.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }));
    return last ? eventPosition(last.position, last.id) : undefined;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.call(() =>
      this.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1, deadlineMs: this.settings.pingDeadlineMs }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.known.clear();
    await this.client.dispose();
  }

  /** Brings what is known of a stream's ids up to date: one read from the last known revision. */
  private async catchUp(streamId: string, known = new KnownStream()): Promise<KnownStream> {
    for (;;) {
      const from = known.revision + 1;
      const page = await this.readRecorded(streamId, {
        direction: 'forwards',
        fromRevision: BigInt(from),
        maxCount: this.settings.streamPageSize,
      });
      const extended = known.extend(page.map((event) => ({ id: event.id.toLowerCase(), revision: toRevision(event.revision, streamId) })));
      if (!extended) {
        // Not a continuation (the stream was truncated meanwhile): start over from its first event.
        this.known.forget(streamId);
        return this.catchUp(streamId);
      }
      if (page.length < this.settings.streamPageSize) break;
    }
    this.known.remember(streamId, known);
    return known;
  }

  /** Feeds ids seen by a forwards stream read into what is known of the stream. */
  private learn(streamId: string, fromRevision: number, events: readonly EventEnvelope[]): void {
    const known = this.known.get(streamId) ?? (fromRevision === 0 ? new KnownStream() : undefined);
    if (!known || fromRevision > known.revision + 1) return;
    if (known.extend(events)) this.known.remember(streamId, known);
    else this.known.forget(streamId);
  }

  private async written(
    streamId: string,
    known: KnownStream,
    encoded: readonly EsdbEventData[],
    nextExpectedRevision: bigint,
    position: { commit: bigint; prepare: bigint } | undefined,
  ): Promise<AppendResult> {
    const last = toRevision(nextExpectedRevision, streamId);
    const first = last - encoded.length + 1;
    if (known.revision === first - 1 && known.extend(encoded.map((event, index) => ({ id: event.id, revision: first + index })))) {
      this.known.remember(streamId, known);
    } else if (known.revision < last) {
      this.known.forget(streamId);
    }
    // Only an idempotent write is answered without a position: another writer stored this very
    // batch between our check and our write. (Newer servers send the original position instead,
    // and that race then reads as a fresh write: same revision, same position, duplicate false.)
    if (!position) return this.duplicateOf(streamId, last);
    return { nextExpectedRevision: last, position: appendPosition(position, streamId), duplicate: false };
  }

  /** The answer for a batch that is already stored, ending at `lastRevision`: as the first time. */
  private async duplicateOf(streamId: string, lastRevision: number): Promise<AppendResult> {
    const [last] = await this.readRecorded(streamId, { direction: 'forwards', fromRevision: BigInt(lastRevision), maxCount: 1 });
    if (!last) throw new Error(`Event ${lastRevision} of "${streamId}" was known but can no longer be read`);
    return { nextExpectedRevision: lastRevision, position: eventPosition(last.position, last.id), duplicate: true };
  }

  /** A stream read where a missing stream is empty. */
  private async readRecorded(streamId: string, request: Parameters<EsdbClient['readStream']>[1]): Promise<EsdbRecordedEvent[]> {
    try {
      return await this.client.readStream(streamId, request);
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateError(error, { streamId });
    }
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateError(error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

/** Our expected revision in the client's terms. */
export function toEsdbExpectedRevision(expected: unknown): EsdbExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return BigInt(expected);
  throw new TypeError(
    `expectedRevision must be a revision (integer >= 0), "no_stream", "stream_exists" or "any" (got ${JSON.stringify(expected)})`,
  );
}

/** The revision an exact expectation names (-1 for no_stream), undefined for the others. */
function expectedNumber(expected: ExpectedRevision): number | undefined {
  if (expected === 'no_stream') return NO_STREAM_REVISION;
  return typeof expected === 'number' ? expected : undefined;
}

function optionalCount(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`${name} must be an integer >= ${min} (got ${JSON.stringify(value)})`);
  }
  return value;
}
