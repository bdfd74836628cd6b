import type { EsdbPosition } from '../client/esdb-client';
import { resumableCheckpoint } from '../mapping/esdb-positions';

/**
 * Decides which server checkpoints a subscription hands out, and when.
 *
 * - Only checkpoints that name an event (esdb-positions.ts) and lie at or below the last head seen
 *   (the newest event read, or any event delivered): a checkpoint past the head of the log is a
 *   server sentinel, and handing it out would let a reader skip every event up to it.
 * - A slice that only moves the position (a checkpoint, no events) goes out at most once per
 *   `intervalMs`: a live filtered subscription gets a checkpoint per 32 events examined, and each
 *   slice is a checkpoint write for every processor. A slice with events folds in what is pending.
 */
export class CheckpointGate {
  private pending: number | undefined;
  private head: number | undefined;
  private handedOutAt = Number.NEGATIVE_INFINITY;
  private headReadAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
  ) {}

  offer(position: EsdbPosition): void {
    const checkpoint = resumableCheckpoint(position);
    if (checkpoint !== undefined && (this.pending === undefined || checkpoint > this.pending)) this.pending = checkpoint;
  }

  /** An event known to exist at this position (delivered, or read as the newest). */
  sawHead(position: number): void {
    if (this.head === undefined || position > this.head) this.head = position;
  }

  /** A pending checkpoint lies past the head we know, and the head was not read within the interval. */
  wantsHead(): boolean {
    if (this.pending === undefined || (this.head !== undefined && this.pending <= this.head)) return false;
    return this.now() - this.headReadAt >= this.intervalMs;
  }

  headRead(head: number | undefined): void {
    this.headReadAt = this.now();
    if (head !== undefined) this.sawHead(head);
    // Past the head just read: not a position of this log. Ignore it for good.
    if (this.pending !== undefined && (this.head === undefined || this.pending > this.head)) this.pending = undefined;
  }

  /**
   * The checkpoint to hand out with the next slice, past `after`, or undefined. `withEvents`: the
   * slice goes out anyway, so the interval does not apply.
   */
  take(after: number | undefined, withEvents: boolean): number | undefined {
    const pending = this.pending;
    if (pending === undefined) return undefined;
    if (after !== undefined && pending <= after) {
      this.pending = undefined;
      return undefined;
    }
    if (this.head === undefined || pending > this.head) return undefined;
    if (!withEvents && this.now() - this.handedOutAt < this.intervalMs) return undefined;
    this.pending = undefined;
    this.handedOutAt = this.now();
    return pending;
  }

  /** A slice went out (events, or a tail proof): the interval starts again. */
  handedOut(): void {
    this.handedOutAt = this.now();
  }
}
