import { IdempotencyConflictError, NO_STREAM_REVISION } from '@c360/kernel';

/**
 * What this process knows of a stream's event ids: every id from the first readable event up to
 * `revision`, with its revision. Events are immutable, so the knowledge never turns wrong; it only
 * falls behind, and a read from `revision + 1` brings it up to date.
 */
export class KnownStream {
  revision = NO_STREAM_REVISION;
  readonly ids = new Map<string, number>();

  /**
   * Adds events read (or written) in revision order. Returns false when they do not continue what
   * is known (a gap), in which case nothing is added and the caller should forget the stream.
   */
  extend(events: ReadonlyArray<{ readonly id: string; readonly revision: number }>): boolean {
    for (const event of events) {
      if (event.revision <= this.revision) continue;
      // The first readable event may be past 0 when old events were truncated ($tb, $maxCount).
      const continues = event.revision === this.revision + 1 || (this.revision === NO_STREAM_REVISION && this.ids.size === 0);
      if (!continues) return false;
      this.ids.set(event.id, event.revision);
      this.revision = event.revision;
    }
    return true;
  }

  /**
   * Where a batch stands against the known ids: all new, the very same batch stored before
   * (consecutive, in order) — then the revision of its last event —, or a partial overlap, which is
   * refused.
   */
  classify(
    streamId: string,
    ids: readonly string[],
  ): { readonly kind: 'new' } | { readonly kind: 'duplicate'; readonly lastRevision: number } {
    const found = ids.map((id) => this.ids.get(id));
    if (found.every((revision) => revision === undefined)) return { kind: 'new' };
    const first = found[0];
    if (first !== undefined && found.every((revision, index) => revision === first + index)) {
      return { kind: 'duplicate', lastRevision: first + ids.length - 1 };
    }
    throw new IdempotencyConflictError(streamId, ids[found.findIndex((revision) => revision !== undefined)]);
  }
}

/**
 * Known streams, least recently used first out, bounded by the number of ids held. A stream with
 * more ids than the bound is not kept: each append to it reads it again (aggregate streams are short).
 */
export class KnownStreamIds {
  private readonly streams = new Map<string, { known: KnownStream; size: number }>();
  private total = 0;

  constructor(private readonly maxIds: number) {}

  get(streamId: string): KnownStream | undefined {
    const entry = this.streams.get(streamId);
    if (!entry) return undefined;
    this.streams.delete(streamId);
    this.streams.set(streamId, entry);
    return entry.known;
  }

  /** Stores (or refreshes the size of) a stream's knowledge, evicting the least recently used. */
  remember(streamId: string, known: KnownStream): void {
    const previous = this.streams.get(streamId);
    if (previous) {
      this.total -= previous.size;
      this.streams.delete(streamId);
    }
    if (known.ids.size > this.maxIds) return;
    this.streams.set(streamId, { known, size: known.ids.size });
    this.total += known.ids.size;
    for (const [id, entry] of this.streams) {
      if (this.total <= this.maxIds) break;
      this.streams.delete(id);
      this.total -= entry.size;
    }
  }

  forget(streamId: string): void {
    const entry = this.streams.get(streamId);
    if (!entry) return;
    this.total -= entry.size;
    this.streams.delete(streamId);
  }

  clear(): void {
    this.streams.clear();
    this.total = 0;
  }
}
