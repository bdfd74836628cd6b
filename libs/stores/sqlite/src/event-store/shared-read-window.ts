import type { AllSlice, EventEnvelope, EventFilter } from '@c360/kernel';
import { toEnvelope, type EventRow } from './event-row';

/** Reads every stored row after `after` up to `head`, at most `limit` of them, in position order. */
export type ReadRows = (after: number, head: number, limit: number) => EventRow[];

/**
 * The stretch of `$all` that the processors are reading now, decoded once and shared.
 *
 * Every projection, reaction and the relay read the same part of the log at nearly the same time (the
 * runners take turns by time budget), each with its own filter. Reading and decoding the rows once per
 * reader was a third of a catch-up's CPU time (issue 16's profile). The window holds every event of
 * `(lo, hi]`, unfiltered; a reader inside it is answered from memory, filtered here exactly as the SQL
 * would filter, and a reader at its front extends it. A reader behind the window (a projection rebuilt
 * from zero) is not served here: the caller reads for it with SQL, as before, without moving the window.
 *
 * Sharing is safe because envelopes are immutable by contract (`readonly` throughout the kernel), and
 * stored events never change in place (erasure deletes keys, not rows).
 */
export class SharedReadWindow {
  private events: EventEnvelope[] = [];
  private lo = 0;
  private hi = 0;

  constructor(
    private readonly readRows: ReadRows,
    private readonly capacity = 8_192,
    /** Rows decoded per extension of the window. */
    private readonly chunk = 2_000,
  ) {}

  /** The slice for this reader, or undefined when it is behind the window (read it with SQL). */
  read(from: number | undefined, head: number, limit: number, filter: EventFilter | undefined): AllSlice | undefined {
    const after = from ?? 0;
    if (after < this.lo) return undefined;
    if (after > this.hi) this.restartAt(after);
    const matches = matcher(filter);
    const found: EventEnvelope[] = [];
    // A sparse filter could otherwise decode the whole log in one call: stop scanning after this many
    // rows and report how far it looked (the caller checkpoints `lastPosition` and comes back).
    let budget = Math.max(limit * 4, this.chunk);
    let index = this.firstAfter(after);
    for (;;) {
      for (; index < this.events.length && budget > 0; index++, budget--) {
        const event = this.events[index];
        if (!matches(event)) continue;
        found.push(event);
        if (found.length === limit) return { events: found, lastPosition: event.position, isEnd: event.position === head };
      }
      if (this.hi >= head) return { events: found, lastPosition: head > after ? head : from, isEnd: true };
      if (budget <= 0) return { events: found, lastPosition: this.events[index - 1]?.position ?? this.hi, isEnd: false };
      index -= this.extend(head);
    }
  }

  /** Decodes the next rows onto the front; returns how many old events were dropped from the back. */
  private extend(head: number): number {
    const rows = this.readRows(this.hi, head, this.chunk);
    for (const row of rows) this.events.push(toEnvelope(row));
    this.hi = rows.length === this.chunk ? rows[rows.length - 1].position : head;
    const dropped = Math.max(0, this.events.length - this.capacity);
    if (dropped) {
      this.lo = this.events[dropped - 1].position;
      this.events = this.events.slice(dropped);
    }
    return dropped;
  }

  private restartAt(after: number): void {
    this.events = [];
    this.lo = after;
    this.hi = after;
  }

  /** Index of the first event after `position` (binary search: positions ascend). */
  private firstAfter(position: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle].position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** The in-memory twin of the SQL filter (`type IN (…)`, stream id prefixes). */
function matcher(filter: EventFilter | undefined): (event: EventEnvelope) => boolean {
  const types = filter?.eventTypes?.length ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes?.length ? filter.streamPrefixes : undefined;
  if (!types && !prefixes) return () => true;
  return (event) => (!types || types.has(event.type)) && (!prefixes || prefixes.some((prefix) => event.streamId.startsWith(prefix)));
}
