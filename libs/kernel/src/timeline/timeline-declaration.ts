import type { DomainEvent, EventEnvelope } from '../envelope/event-envelope';
import type { EnvelopeOf } from '../projections/document-projection';

/** What a timeline entry may point at: the deal, order, ticket, reward or survey it belongs to. */
export interface TimelineLinks {
  readonly dealId?: string;
  readonly orderId?: string;
  readonly purchaseId?: string;
  readonly contractId?: string;
  readonly ticketId?: string;
  readonly rewardId?: string;
  readonly redemptionId?: string;
  readonly surveyId?: string;
  readonly mergeId?: string;
}

/**
 * One entry as the context that owns the event describes it. `summary` is built from non-personal
 * fields only (amounts, stages, points, ids, codes): it stays readable after the customer is erased.
 * Free text the entry must show goes in `detail` exactly as the event holds it (sealed, when the
 * context seals it): the timeline stores it untouched and opens it at query time, so deleting the
 * customer's key makes it unreadable.
 */
export interface TimelineEntryFacts {
  readonly customerId: string;
  /** A short stable code agents filter on: `purchase`, `deal`, `points`, `consent`, `ticket`. */
  readonly kind: string;
  readonly summary: string;
  readonly links?: TimelineLinks;
  /** When it happened in business terms (a purchase's `purchasedAt`); defaults to `occurredAt`. */
  readonly at?: string;
  readonly detail?: unknown;
}

/** Per event type, how it reads on a customer's timeline (`null`: not customer-relevant this time). */
export type TimelineDeclaration = Readonly<Record<string, (event: EventEnvelope) => TimelineEntryFacts | null>>;

/** The typed form a context writes: one describer per event type of its (contract) event union. */
export type TypedTimeline<TEvent extends DomainEvent> = {
  readonly [K in TEvent['type']]?: (event: EnvelopeOf<Extract<TEvent, { type: K }>>) => TimelineEntryFacts | null;
};

/**
 * Declares a context's timeline entries against its event union, so that a describer reading a field
 * the event does not have fails to compile. The one widening to stored envelopes is here: the
 * timeline projection calls a describer only for the event type it is registered under.
 */
export function defineTimeline<TEvent extends DomainEvent>(): (entries: TypedTimeline<TEvent>) => TimelineDeclaration {
  return (entries) => entries as unknown as TimelineDeclaration;
}

/** Several contexts' declarations as one; two contexts describing the same event type is a mistake. */
export function combineTimelines(declarations: readonly (TimelineDeclaration | undefined)[]): TimelineDeclaration {
  const combined: Record<string, TimelineDeclaration[string]> = {};
  for (const declaration of declarations) {
    for (const [type, describe] of Object.entries(declaration ?? {})) {
      if (combined[type]) throw new Error(`Two timeline declarations describe ${type}`);
      combined[type] = describe;
    }
  }
  return combined;
}

/** `250000, 'NOK'` → `2,500.00 NOK`: amounts are minor units everywhere in the log. */
export function formatMoney(minor: number, currency: string): string {
  // By hand: toLocaleString costs ~15 µs a call, a third of the timeline projection's time at catch-up.
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${groupThousands(Math.floor(abs / 100))}.${cents} ${currency}`;
}

/** `1234567` → `1,234,567`. */
export function groupThousands(whole: number): string {
  const digits = String(whole);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}
