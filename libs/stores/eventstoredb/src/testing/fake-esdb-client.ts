import type {
  EsdbAppendResult,
  EsdbClient,
  EsdbEventData,
  EsdbExpectedRevision,
  EsdbPosition,
  EsdbReadAllRequest,
  EsdbReadStreamRequest,
  EsdbRecordedEvent,
  EsdbSubscribeRequest,
  EsdbSubscription,
  EsdbSubscriptionItem,
} from '../client/esdb-client';
import { IncompleteReadError } from '../client/read-completion';

/**
 * A scripted stand-in for the EventStoreDB client: each call takes the next response scripted for
 * its method (a value or an error) and is recorded. It keeps no log and applies no rule of the
 * server's — a spec says what the server answers, and checks what the adapter asked.
 */

interface Results {
  appendToStream: EsdbAppendResult;
  readStream: EsdbRecordedEvent[];
  readAll: EsdbRecordedEvent[];
}

/**
 * `hangs`: the call never answers, as against a node that accepts the connection and stalls
 * (@eventstore/db-client 6.2.1 calls reads with `deadline: Infinity`, dist/streams/readAll.js). It
 * settles only when the caller aborts the request's signal; `abandoned` counts those.
 */
type Outcome<T> = { readonly returns: T } | { readonly throws: unknown } | { readonly hangs: true };

export type FakeCall =
  | {
      readonly method: 'appendToStream';
      readonly streamId: string;
      readonly events: readonly EsdbEventData[];
      readonly expectedRevision: EsdbExpectedRevision;
    }
  | { readonly method: 'readStream'; readonly streamId: string; readonly request: EsdbReadStreamRequest }
  | { readonly method: 'readAll'; readonly request: EsdbReadAllRequest }
  | { readonly method: 'subscribeToAll'; readonly request: EsdbSubscribeRequest };

export class FakeEsdbClient implements EsdbClient {
  readonly calls: FakeCall[] = [];
  disposed = false;
  /** Hanging calls whose caller gave up on them (aborted their signal). */
  abandoned = 0;
  private readonly scripts: { [M in keyof Results]: Array<Outcome<Results[M]>> } = {
    appendToStream: [],
    readStream: [],
    readAll: [],
  };
  private readonly subscriptions: FakeSubscription[] = [];

  /** Scripts the next answers of a method, in order. */
  script<M extends keyof Results>(method: M, ...outcomes: Array<Outcome<Results[M]>>): this {
    (this.scripts[method] as Array<Outcome<Results[M]>>).push(...outcomes);
    return this;
  }

  /** Scripts the subscriptions the next `subscribeToAll` calls return, in order. */
  scriptSubscriptions(...subscriptions: FakeSubscription[]): this {
    this.subscriptions.push(...subscriptions);
    return this;
  }

  callsTo<M extends FakeCall['method']>(method: M): Array<Extract<FakeCall, { method: M }>> {
    return this.calls.filter((call): call is Extract<FakeCall, { method: M }> => call.method === method);
  }

  /** Scripted answers nobody asked for: a spec that leaves some usually expected a call that never came. */
  unused(): Record<string, number> {
    return {
      appendToStream: this.scripts.appendToStream.length,
      readStream: this.scripts.readStream.length,
      readAll: this.scripts.readAll.length,
      subscribeToAll: this.subscriptions.length,
    };
  }

  async appendToStream(
    streamId: string,
    events: readonly EsdbEventData[],
    expectedRevision: EsdbExpectedRevision,
  ): Promise<EsdbAppendResult> {
    this.calls.push({ method: 'appendToStream', streamId, events, expectedRevision });
    return this.answer('appendToStream', `appendToStream("${streamId}")`, undefined);
  }

  async readStream(streamId: string, request: EsdbReadStreamRequest): Promise<EsdbRecordedEvent[]> {
    const { signal, ...recorded } = request;
    this.calls.push({ method: 'readStream', streamId, request: recorded });
    return this.answer('readStream', `readStream("${streamId}", ${describe(recorded)})`, signal);
  }

  async readAll(request: EsdbReadAllRequest): Promise<EsdbRecordedEvent[]> {
    const { signal, ...recorded } = request;
    this.calls.push({ method: 'readAll', request: recorded });
    return this.answer('readAll', `readAll(${describe(recorded)})`, signal);
  }

  subscribeToAll(request: EsdbSubscribeRequest): EsdbSubscription {
    this.calls.push({ method: 'subscribeToAll', request });
    const next = this.subscriptions.shift();
    if (!next) throw new Error(`FakeEsdbClient: no subscription scripted for subscribeToAll(${describe(request)})`);
    return next;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private async answer<M extends keyof Results>(method: M, call: string, signal: AbortSignal | undefined): Promise<Results[M]> {
    const outcome = this.scripts[method].shift() as Outcome<Results[M]> | undefined;
    if (!outcome) throw new Error(`FakeEsdbClient: no answer scripted for ${call}`);
    if ('throws' in outcome) throw outcome.throws;
    if ('hangs' in outcome) {
      await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
      this.abandoned++;
      // What collectCompleted (client/read-completion.ts) answers for a read cancelled under it.
      throw new IncompleteReadError(call, { code: 1, details: 'Cancelled on client' });
    }
    return outcome.returns;
  }
}

/**
 * A subscription that delivers the items it is given, then follows the script's ending: stays
 * open (more can be pushed), drops with an error, or ends as a server would.
 */
export class FakeSubscription implements EsdbSubscription {
  unsubscribed = false;
  private readonly items: EsdbSubscriptionItem[];
  private ending: { readonly drop: unknown } | { readonly end: true } | undefined;
  private wake: (() => void) | undefined;

  constructor(items: readonly EsdbSubscriptionItem[] = [], ending?: { readonly drop: unknown } | { readonly end: true }) {
    this.items = [...items];
    this.ending = ending;
  }

  push(...items: EsdbSubscriptionItem[]): void {
    this.items.push(...items);
    this.notify();
  }

  drop(error: unknown): void {
    this.ending = { drop: error };
    this.notify();
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<EsdbSubscriptionItem> {
    for (;;) {
      const item = this.items.shift();
      if (item) {
        yield item;
        continue;
      }
      if (this.unsubscribed || (this.ending && 'end' in this.ending)) return;
      if (this.ending) throw this.ending.drop;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** `{ commit: p, prepare: p }`: the position of a self-committed event. */
export function at(position: number): EsdbPosition {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

let counter = 0;

/** A recorded event as the client returns it, with our metadata layout unless told otherwise. */
export function recorded(overrides: {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number | EsdbPosition;
  readonly id?: string;
  readonly type?: string;
  readonly data?: unknown;
  readonly metadata?: unknown;
  readonly isJson?: boolean;
}): EsdbRecordedEvent {
  counter++;
  return {
    id: overrides.id ?? `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
    streamId: overrides.streamId,
    revision: BigInt(overrides.revision),
    type: overrides.type ?? 'test.thing-happened',
    isJson: overrides.isJson ?? true,
    data: overrides.data === undefined ? { n: overrides.revision } : overrides.data,
    metadata:
      overrides.metadata === undefined
        ? {
            schemaVersion: 1,
            occurredAt: '2026-03-01T10:00:00.000Z',
            correlationId: 'corr-1',
            causationId: 'cause-1',
            actor: { id: 'agent-7', role: 'agent' },
          }
        : overrides.metadata,
    position: typeof overrides.position === 'number' ? at(overrides.position) : overrides.position,
  };
}

/** What `appendToStream` sent for an event, as the server would hand it back. */
export function storedAs(event: EsdbEventData, streamId: string, revision: number, position: number): EsdbRecordedEvent {
  return {
    id: event.id,
    streamId,
    revision: BigInt(revision),
    type: event.type,
    isJson: true,
    data: event.data,
    metadata: event.metadata,
    position: at(position),
  };
}

function describe(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item));
}
