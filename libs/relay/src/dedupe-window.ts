/**
 * For consumers of an at-least-once topic: remembers the last `capacity` event ids seen and says
 * whether an event is new. Redeliveries come soon after the original (a relay restart replays at
 * most one batch), so a bounded window catches them with bounded memory.
 */
export class DedupeWindow {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 100_000) {}

  /** True the first time an id is seen (handle the event), false for a redelivery (skip it). */
  firstTime(eventId: string): boolean {
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }
}
