import type { EventEnvelope, NewEvent } from '../envelope/event-envelope';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../errors/store-errors';
import { UUID_PATTERN } from '../ids/uuid';
import { assertExpectedRevision, revisionMatches } from '../ports/expected-revision';
import { pollingSubscription, waitForWakeUp } from '../subscriptions/polling-subscription';
import {
  type AllSlice,
  type AllSubscription,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '../ports/event-store.port';

/**
 * An EventStore in memory for fast kernel and domain-adjacent specs. It passes the same contract
 * suite as the real adapters (libs/contract-tests), so specs written against it stay honest.
 * Not durable: never wired into an app.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: EventEnvelope[] = [];
  private readonly streams = new Map<string, EventEnvelope[]>();
  private readonly byId = new Map<string, EventEnvelope>();
  private readonly waiters = new Set<() => void>();
  /** Makes the next appends fail with this error (fault injection in specs). */
  failNextAppends: { count: number; error: Error } | undefined;

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    await Promise.resolve(); // answer asynchronously, like a real store
    if (this.failNextAppends && this.failNextAppends.count > 0) {
      this.failNextAppends.count--;
      throw this.failNextAppends.error;
    }
    if (events.length === 0) throw new TypeError(`Nothing to append to "${streamId}"`);
    events.forEach((event, index) => {
      if (!UUID_PATTERN.test(event.id)) throw new TypeError(`events[${index}].id must be a UUID`);
    });
    const expected = options.expectedRevision;
    assertExpectedRevision(expected);
    const existing = events.map((event) => this.byId.get(event.id));
    if (existing.some(Boolean)) {
      const first = existing[0];
      const sameBatch =
        first !== undefined &&
        existing.every((event, index) => event && event.streamId === streamId && event.revision === first.revision + index);
      if (!sameBatch) throw new IdempotencyConflictError(streamId, events[existing.findIndex(Boolean)].id);
      const last = existing[existing.length - 1] as EventEnvelope;
      return { nextExpectedRevision: last.revision, position: last.position, duplicate: true };
    }
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    if (!revisionMatches(expected, current)) throw new WrongExpectedRevisionError(streamId, String(expected), current);
    for (const event of events) {
      const stored: EventEnvelope = structuredClone({
        ...event,
        streamId,
        revision: stream.length,
        position: this.log.length + 1,
      });
      stream.push(stored);
      this.log.push(stored);
      this.byId.set(stored.id, stored);
    }
    this.streams.set(streamId, stream);
    for (const wake of [...this.waiters]) wake();
    return { nextExpectedRevision: stream.length - 1, position: this.log.length, duplicate: false };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<EventEnvelope[]> {
    const stream = this.streams.get(streamId) ?? [];
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = options.fromRevision ?? stream.length - 1;
      return stream
        .filter((event) => event.revision <= from)
        .reverse()
        .slice(0, max)
        .map((e) => structuredClone(e));
    }
    const from = options.fromRevision ?? 0;
    return stream
      .filter((event) => event.revision >= from)
      .slice(0, max)
      .map((e) => structuredClone(e));
  }

  async streamRevision(streamId: string): Promise<number> {
    return (this.streams.get(streamId)?.length ?? 0) - 1;
  }

  async readAll(options: ReadAllOptions = {}): Promise<AllSlice> {
    return this.slice(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    return pollingSubscription({
      after: options.after,
      read: (after) => this.slice({ ...options, after }),
      waitForAppend: (signal) => waitForWakeUp(this.waiters, options.pollIntervalMs ?? 250, signal),
    });
  }

  async headPosition(): Promise<number | undefined> {
    return this.log.length || undefined;
  }

  async ping(): Promise<void> {
    return;
  }

  async close(): Promise<void> {
    for (const wake of [...this.waiters]) wake();
  }

  /** Every stored event, for assertions. */
  all(): readonly EventEnvelope[] {
    return this.log;
  }

  private slice(options: ReadAllOptions): AllSlice {
    const after = options.after ?? 0;
    const limit = options.maxCount ?? 1_000;
    const events: EventEnvelope[] = [];
    let scanned = after;
    for (let index = after; index < this.log.length && events.length < limit; index++) {
      const event = this.log[index];
      scanned = event.position;
      if (matches(event, options.filter)) events.push(structuredClone(event));
    }
    const head = this.log.length;
    const lastPosition = events.length === limit ? scanned : head > after ? head : options.after;
    return { events, lastPosition, isEnd: lastPosition === undefined || lastPosition >= head };
  }
}

function matches(event: EventEnvelope, filter: EventFilter | undefined): boolean {
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter?.streamPrefixes?.length && !filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  return true;
}
