import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import type { EsdbRecordedEvent, EsdbSubscriptionItem } from './esdb-client';

/** Items buffered before the gRPC stream is paused (back-pressure up to the server). */
const HIGH_WATER = 1_024;
const LOW_WATER = 256;

/** The part of the client's subscription (a Readable with `caughtUp` events) the queue uses. */
export interface SubscriptionSource {
  readonly readableLength: number;
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'caughtUp' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  isPaused(): boolean;
}

export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): EsdbRecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('EventStoreDB returned a link without its event (links are not resolved by this adapter)');
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    isJson: event.isJson,
    data: event.data,
    metadata: event.metadata,
    position: event.position,
  };
}

/**
 * Turns the client's subscription (a Readable of events, plus `caughtUp` events and a checkpoint
 * callback) into one ordered queue. The client announces a checkpoint or "caught up" as soon as
 * the server sends it, while events sent before it may still sit in the Readable's buffer; such
 * a marker waits until those events have been taken, so order is what the server sent.
 */
export class SubscriptionItemQueue {
  private readonly queue: EsdbSubscriptionItem[] = [];
  private readonly waitingMarkers: Array<{ remaining: number; item: EsdbSubscriptionItem }> = [];
  private source: SubscriptionSource | undefined;
  private failure: unknown;
  private ended = false;
  private wake: (() => void) | undefined;

  attach(source: SubscriptionSource): void {
    this.source = source;
    source.on('data', (resolved: AllStreamResolvedEvent) => {
      let event: EsdbRecordedEvent;
      try {
        event = toRecorded(resolved);
      } catch (error) {
        this.failure = error;
        this.notify();
        return;
      }
      this.queue.push({ kind: 'event', event });
      for (const marker of this.waitingMarkers) marker.remaining--;
      while (this.waitingMarkers.length > 0 && this.waitingMarkers[0].remaining <= 0) {
        this.queue.push((this.waitingMarkers.shift() as { item: EsdbSubscriptionItem }).item);
      }
      if (this.queue.length >= HIGH_WATER) source.pause();
      this.notify();
    });
    source.on('caughtUp', () => this.marker({ kind: 'caughtUp' }));
    source.on('error', (error: unknown) => {
      this.failure = error;
      this.notify();
    });
    source.on('close', () => {
      this.ended = true;
      this.notify();
    });
  }

  marker(item: EsdbSubscriptionItem): void {
    const buffered = this.source?.readableLength ?? 0;
    if (buffered === 0) {
      this.queue.push(item);
      this.notify();
    } else {
      this.waitingMarkers.push({ remaining: buffered, item });
    }
  }

  async *iterate(): AsyncGenerator<EsdbSubscriptionItem> {
    for (;;) {
      const item = this.queue.shift();
      if (item) {
        if (this.queue.length < LOW_WATER && this.source?.isPaused()) this.source.resume();
        yield item;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
