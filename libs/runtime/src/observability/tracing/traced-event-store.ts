import type {
  AllSlice,
  AllSubscription,
  AppendResult,
  EventEnvelope,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '@c360/kernel';
import { SpanKind } from '@opentelemetry/api';
import type { Tracing } from './tracing';

/**
 * A context's view of the event store with a span around each append (the one write a command makes);
 * reads pass straight through. Used only when tracing is on, so the untraced path is the store itself.
 */
export function withAppendSpans(store: EventStore, tracing: Tracing): EventStore {
  return tracing.enabled ? new TracedEventStore(store, tracing) : store;
}

class TracedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly tracing: Tracing,
  ) {}

  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const attributes = { 'c360.stream_id': streamId, 'c360.events': events.length, 'c360.event_types': events.map((event) => event.type) };
    return this.tracing.inSpan('append', { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const result = await this.inner.appendToStream(streamId, events, options);
      span?.setAttributes({ 'c360.position': result.position, 'c360.duplicate': result.duplicate });
      return result;
    });
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]> {
    return this.inner.readStream(streamId, options);
  }

  streamRevision(streamId: string): Promise<number> {
    return this.inner.streamRevision(streamId);
  }

  readAll(options?: ReadAllOptions): Promise<AllSlice> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<number | undefined> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
