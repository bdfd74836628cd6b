import type { CheckpointStore } from '../ports/checkpoint-store.port';

/** Told each checkpoint the follower read: undefined when the processor has none (never ran, or reset). */
export type CheckpointListener = (position: number | undefined) => void;

/**
 * Follows the checkpoints of processors that another host works on (`C360_ROLE=api`, or this process's
 * processor thread) with one `list()` of the store per interval, however many processors it follows.
 * A read per processor per interval was 1,200 reads a second for the platform's 60 processors, each with
 * its own timer: about 1 % of the HTTP thread on the embedded store, but 60 round trips every 50 ms to
 * a MongoDB server in distributed mode. Now it is 20 reads a second, whatever the number of processors.
 *
 * One read at a time, `intervalMs` after the previous one answered: a store slower than the interval
 * (a loaded MongoDB-wire server) never has reads piling up. A failed read changes nothing; the next
 * interval tries again.
 */
export class CheckpointFollower {
  private readonly listeners = new Map<string, Set<CheckpointListener>>();
  private timer: NodeJS.Timeout | undefined;
  private reading = false;

  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly intervalMs = 50,
  ) {}

  /** Starts telling `listener` the checkpoint of `name` (the first read follows at once); returns the way to stop. */
  follow(name: string, listener: CheckpointListener): () => void {
    const forName = this.listeners.get(name) ?? new Set<CheckpointListener>();
    forName.add(listener);
    this.listeners.set(name, forName);
    // After the current synchronous work: a host registering all its processors in one loop shares the first read.
    if (!this.reading && this.timer === undefined) this.schedule(0);
    return () => {
      forName.delete(listener);
      if (forName.size === 0 && this.listeners.get(name) === forName) this.listeners.delete(name);
      if (this.listeners.size === 0) this.cancel();
    };
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.refresh(), delayMs);
    this.timer.unref();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async refresh(): Promise<void> {
    this.timer = undefined;
    this.reading = true;
    try {
      const stored = new Map((await this.checkpoints.list()).map(({ name, position }) => [name, position]));
      for (const [name, listeners] of this.listeners) for (const listener of listeners) listener(stored.get(name));
    } catch {
      // The store is unreachable for now: every follower keeps what it last saw.
    } finally {
      this.reading = false;
      if (this.listeners.size > 0) this.schedule(this.intervalMs);
    }
  }
}
