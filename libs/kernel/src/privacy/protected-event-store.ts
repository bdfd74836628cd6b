import type { EventEnvelope, NewEvent } from '../envelope/event-envelope';
import type {
  AllSlice,
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../ports/event-store.port';
import type { PersonalDataProtector } from './personal-data-protector';

/**
 * An EventStore seen through a PersonalDataProtector: appends are encrypted, reads decrypted. A
 * context builds its CommandHandler on this, so deciders fold plaintext while the underlying store
 * (and every copy of it) holds ciphertext only.
 */
export function withPersonalDataProtection(store: EventStore, protector: PersonalDataProtector): EventStore {
  return new ProtectedEventStore(store, protector);
}

class ProtectedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly protector: PersonalDataProtector,
  ) {}

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, await this.protector.protect(events, streamId), options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]> {
    return this.protector.reveal(await this.inner.readStream(streamId, options));
  }

  streamRevision(streamId: string): Promise<number> {
    return this.inner.streamRevision(streamId);
  }

  async readAll(options?: ReadAllOptions): Promise<AllSlice> {
    return this.revealSlice(await this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    const inner = this.inner.subscribeToAll(options);
    const reveal = (slice: AllSlice) => this.revealSlice(slice);
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const slice of inner) yield await reveal(slice);
      },
    };
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

  private async revealSlice(slice: AllSlice): Promise<AllSlice> {
    return { ...slice, events: await this.protector.reveal(slice.events) };
  }
}
