import type { AllSlice, AllSubscription } from '../ports/event-store.port';

export interface PollingSubscriptionSource {
  /** Where to start: strictly after this position (a checkpoint); undefined for the beginning. */
  readonly after?: number;
  /** Reads the next slice after a position. */
  read(after: number | undefined): AllSlice | Promise<AllSlice>;
  /**
   * Resolves when new events may have arrived: woken early by an append in this process, or after a
   * poll interval for appends by other processes. Must resolve promptly once `signal` aborts.
   */
  waitForAppend(signal: AbortSignal): Promise<void>;
  /** False when the underlying store was closed. */
  isOpen?(): boolean;
}

/**
 * A catch-up subscription for stores that can be read by position: reads slices until the end of the
 * log, says once that it has caught up (an empty slice with `isEnd`), then waits for appends.
 */
export function pollingSubscription(source: PollingSubscriptionSource): AllSubscription {
  const stop = new AbortController();
  const open = () => !stop.signal.aborted && (source.isOpen?.() ?? true);
  return {
    async close() {
      stop.abort();
    },
    async *[Symbol.asyncIterator]() {
      let after = source.after;
      let announcedLive = false;
      while (open()) {
        const slice = await source.read(after);
        if (slice.lastPosition !== undefined && slice.lastPosition !== after) {
          after = slice.lastPosition;
          announcedLive = slice.isEnd;
          yield slice;
          continue;
        }
        if (!announcedLive) {
          announcedLive = true;
          yield { events: [], lastPosition: after, isEnd: true };
          continue;
        }
        await source.waitForAppend(stop.signal);
      }
    },
  };
}

/**
 * Waits for a wake-up from `waiters` (called by the store after each append), a poll timeout, or an
 * abort — whichever comes first.
 */
export function waitForWakeUp(waiters: Set<() => void>, pollIntervalMs: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, pollIntervalMs);
    function done() {
      clearTimeout(timer);
      waiters.delete(done);
      signal.removeEventListener('abort', done);
      resolve();
    }
    waiters.add(done);
    signal.addEventListener('abort', done, { once: true });
  });
}
