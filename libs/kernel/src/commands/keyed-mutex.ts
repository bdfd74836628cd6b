/**
 * Serialises work per key inside one process. Commands on the same stream queue behind each other,
 * so they never race to a version conflict here; different streams run concurrently. Conflicts with
 * other processes are still caught by the store's expected-revision check.
 */
export class KeyedMutex {
  /** The last queued work of each key; the next one starts when it settles (either way). */
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const result = previous ? previous.then(work, work) : work();
    this.tails.set(key, result);
    // One extra promise per run (it also keeps a rejection of `result` from counting as unhandled here;
    // the caller gets `result` itself).
    const release = () => {
      if (this.tails.get(key) === result) this.tails.delete(key);
    };
    result.then(release, release);
    return result;
  }
}
