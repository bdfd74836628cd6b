import type { Actor, TimelineLinks } from '@c360/kernel';

/**
 * One immutable entry of the unified customer timeline: one per customer-relevant event of any
 * context, under the customer the event named (merges are followed at query time, ADR 0014).
 * Nothing here is personal except `detail`, which stays exactly as the event held it (sealed).
 */
export interface TimelineEntryDocument {
  readonly customerId: string;
  readonly kind: string;
  /** The event type, for agents who want the precise fact. */
  readonly type: string;
  /** Business time (a purchase's `purchasedAt`); the timeline sorts on it, newest first. */
  readonly at: string;
  readonly summary: string;
  readonly actor: Actor;
  readonly links: TimelineLinks;
  /** Free text as the event holds it (sealed by its context); opened, or dropped, at query time. */
  readonly detail?: unknown;
  readonly eventId: string;
  readonly position: number;
}
