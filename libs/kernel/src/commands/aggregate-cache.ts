/**
 * Recently used aggregate states with the revision they were folded to. The append's expected
 * revision still guards correctness: a stale entry costs a retry, never a wrong answer.
 */
export interface LoadedAggregate<TState> {
  readonly state: TState;
  /** Revision of the last event folded into `state`; -1 for an empty stream. */
  readonly revision: number;
  /** Command ids already applied to this stream, with the revisions of the events they produced. */
  readonly commands: ReadonlyMap<string, { readonly from: number; readonly to: number }>;
}

export class AggregateCache {
  private readonly entries = new Map<string, LoadedAggregate<unknown>>();

  constructor(private readonly maxEntries = 10_000) {}

  get<TState>(streamId: string): LoadedAggregate<TState> | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry as LoadedAggregate<TState>;
  }

  set<TState>(streamId: string, entry: LoadedAggregate<TState>): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  evict(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}
