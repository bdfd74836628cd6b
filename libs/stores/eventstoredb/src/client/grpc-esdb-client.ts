import {
  BACKWARDS,
  END,
  EVENT_TYPE,
  EventStoreDBClient,
  FORWARDS,
  START,
  STREAM_NAME,
  jsonEvent,
  type Filter,
  type JSONType,
  type Position,
} from '@eventstore/db-client';
import type {
  EsdbAppendResult,
  EsdbClient,
  EsdbEventData,
  EsdbExpectedRevision,
  EsdbReadAllRequest,
  EsdbReadStreamRequest,
  EsdbRecordedEvent,
  EsdbSubscribeRequest,
  EsdbSubscription,
} from './esdb-client';
import { collectCompleted } from './read-completion';
import { acquireSharedClient } from './shared-esdb-connection';
import { SubscriptionItemQueue, toRecorded } from './subscription-item-queue';

/** The seam over the real `@eventstore/db-client` (v6, gRPC). Only the adapter's calls, nothing else. */
export class GrpcEsdbClient implements EsdbClient {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly release: () => Promise<void> = () => client.dispose(),
  ) {}

  /**
   * Parses the connection string (throws when malformed); the connection itself opens lazily. The
   * process's one client is shared (shared-esdb-connection.ts).
   */
  static fromConnectionString(connectionString: string): GrpcEsdbClient {
    const acquired = acquireSharedClient(connectionString);
    return new GrpcEsdbClient(acquired.client, acquired.release);
  }

  async appendToStream(
    streamId: string,
    events: readonly EsdbEventData[],
    expectedRevision: EsdbExpectedRevision,
  ): Promise<EsdbAppendResult> {
    const result = await this.client.appendToStream(
      streamId,
      // The client types JSON data as object | array | string; null, numbers and booleans stringify the same way.
      events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata })),
      { expectedRevision },
    );
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position };
  }

  readStream(streamId: string, request: EsdbReadStreamRequest): Promise<EsdbRecordedEvent[]> {
    return collectCompleted(
      `readStream("${streamId}")`,
      this.client.readStream(streamId, {
        direction: request.direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision: request.fromRevision === 'start' ? START : request.fromRevision === 'end' ? END : request.fromRevision,
        maxCount: request.maxCount,
        resolveLinkTos: false,
      }),
      toRecorded,
      request.signal,
    );
  }

  readAll(request: EsdbReadAllRequest): Promise<EsdbRecordedEvent[]> {
    // No `deadline`: the client overrides it with Infinity; the time limit is TimeLimitedEsdbClient's.
    return collectCompleted(
      'readAll',
      this.client.readAll({
        direction: request.direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromPosition: request.fromPosition === 'start' ? START : request.fromPosition === 'end' ? END : request.fromPosition,
        maxCount: request.maxCount,
        resolveLinkTos: false,
      }),
      toRecorded,
      request.signal,
    );
  }

  subscribeToAll(request: EsdbSubscribeRequest): EsdbSubscription {
    const items = new SubscriptionItemQueue();
    const filterBase = {
      checkpointInterval: 1,
      checkpointReached: (_: unknown, position: Position) => items.marker({ kind: 'checkpoint', position }),
    };
    const filterOn = request.filter.filterOn === 'eventType' ? EVENT_TYPE : STREAM_NAME;
    const filter: Filter = request.filter.prefixes
      ? { ...filterBase, filterOn, prefixes: [...request.filter.prefixes] }
      : { ...filterBase, filterOn, regex: request.filter.regex ?? '' };
    const subscription = this.client.subscribeToAll({
      fromPosition: request.fromPosition === 'start' ? START : request.fromPosition,
      resolveLinkTos: false,
      filter,
    });
    items.attach(subscription);
    return {
      unsubscribe: () => subscription.unsubscribe(),
      [Symbol.asyncIterator]: () => items.iterate(),
    };
  }

  dispose(): Promise<void> {
    return this.release();
  }
}
