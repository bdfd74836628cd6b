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

  /**
   * Waits for the key's turn and holds it until the returned release is called (once; later calls do
   * nothing). For work whose start and end are in different callbacks, such as an HTTP request whose
   * turn begins in a guard and ends when its response is sent.
   */
  async acquire(key: string): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tails.get(key);
    const turn = previous
      ? previous.then(
          () => held,
          () => held,
        )
      : held;
    this.tails.set(key, turn);
    void turn.then(() => {
      if (this.tails.get(key) === turn) this.tails.delete(key);
    });
    if (previous)
      await previous.then(
        () => undefined,
        () => undefined,
      );
    return release;
  }
}
