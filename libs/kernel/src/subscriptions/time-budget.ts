import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets other work (HTTP requests above all) run between a processor's batches: resolves on the next
 * turn of the event loop, after pending I/O callbacks. An `await` of an already-settled promise does not
 * do this — better-sqlite3 is synchronous, so a catch-up loop that only awaits resolved promises holds
 * the event loop for as long as the catch-up lasts (issue 11: the server listened after 19 s).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (waiting.length === 1) void nextTurn().then(releaseOne);
  });
}

/**
 * Processors take turns: one chunk per turn of the event loop, whatever the number of processors. Node
 * runs every immediate queued before the check phase back to back, so eight processors yielding with a
 * plain `setImmediate` would still run eight chunks between two looks at the network (a request waited
 * 8 × the budget); an immediate queued from inside the check phase runs on the next turn, after I/O.
 */
const waiting: Array<() => void> = [];

function releaseOne(): void {
  waiting.shift()?.();
  if (waiting.length) void nextTurn().then(releaseOne);
}

/**
 * Sizes the chunks a processor handles at once so that each takes about `budgetMs`: a chunk that took
 * less than half the budget doubles the next one (up to `max`), one that took more halves it (down to
 * 1). Large chunks keep transactions few (throughput); the budget keeps the event loop responsive.
 */
export class ChunkSizer {
  private size: number;

  constructor(
    private readonly budgetMs: number,
    private readonly max: number,
    initial = Math.min(64, max),
  ) {
    this.size = Math.max(1, Math.min(initial, max));
  }

  get current(): number {
    return this.size;
  }

  record(handled: number, elapsedMs: number): void {
    if (handled < this.size) return; // a short chunk says nothing about a full one
    if (elapsedMs > this.budgetMs) this.size = Math.max(1, Math.floor(this.size / 2));
    else if (elapsedMs < this.budgetMs / 2) this.size = Math.min(this.max, this.size * 2);
  }
}
