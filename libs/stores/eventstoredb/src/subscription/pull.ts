/** What waiting for the next item of an async iterator can end with. */
export type Pulled<T> =
  | { readonly kind: 'item'; readonly value: T }
  | { readonly kind: 'done' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'not-ready' };

/**
 * Pulls from an async iterator with a timeout, an abort signal, or "only if already there",
 * without ever losing an item: a `next()` that did not settle in time stays pending and is the
 * one the following pull awaits. A failure is kept and thrown by the next pull that waits.
 */
export class Puller<T> {
  private pending: Promise<IteratorResult<T>> | undefined;
  private settled: { result?: IteratorResult<T>; error?: unknown; failed: boolean } | undefined;

  constructor(private readonly iterator: AsyncIterator<T>) {}

  /** Waits for the next item, up to `timeoutMs` (forever when undefined), or until `signal` aborts. */
  async next(signal: AbortSignal, timeoutMs?: number): Promise<Pulled<T>> {
    if (signal.aborted) return { kind: 'aborted' };
    const settled = this.take();
    if (settled) return settled;
    const pending = this.start();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<'timeout' | 'aborted'>((resolve) => {
      if (timeoutMs !== undefined) timer = setTimeout(() => resolve('timeout'), timeoutMs);
      onAbort = () => resolve('aborted');
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const outcome = await Promise.race([
        pending.then(
          () => 'settled' as const,
          () => 'settled' as const,
        ),
        stop,
      ]);
      if (outcome !== 'settled') return { kind: outcome };
      return this.take() as Pulled<T>;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  /** The next item if it is already available (within this turn of the event loop), else `not-ready`. */
  async nextIfReady(): Promise<Pulled<T>> {
    const settled = this.take(false);
    if (settled) return settled;
    const pending = this.start();
    const outcome = await Promise.race([
      pending.then(
        () => 'settled' as const,
        () => 'settled' as const,
      ),
      new Promise<'later'>((resolve) => setImmediate(() => resolve('later'))),
    ]);
    if (outcome === 'later') return { kind: 'not-ready' };
    return this.take(false) ?? { kind: 'not-ready' };
  }

  private start(): Promise<IteratorResult<T>> {
    if (!this.pending) {
      const pending = this.iterator.next();
      this.pending = pending;
      pending.then(
        (result) => {
          if (this.pending === pending) this.settled = { result, failed: false };
        },
        (error: unknown) => {
          if (this.pending === pending) this.settled = { error, failed: true };
        },
      );
    }
    return this.pending;
  }

  /** The settled outcome, if any; a failure is thrown only when `throwFailure` (otherwise kept). */
  private take(throwFailure = true): Pulled<T> | undefined {
    const settled = this.settled;
    if (!settled) return undefined;
    if (settled.failed) {
      if (!throwFailure) return undefined;
      this.reset();
      throw settled.error;
    }
    this.reset();
    const result = settled.result as IteratorResult<T>;
    return result.done ? { kind: 'done' } : { kind: 'item', value: result.value };
  }

  private reset(): void {
    this.pending = undefined;
    this.settled = undefined;
  }
}
