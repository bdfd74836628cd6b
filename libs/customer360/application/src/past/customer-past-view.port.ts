import type { Customer360View } from '../view/customer-360.view';

/** A point in the past: a global position of the log, or a time (events that had occurred by then). */
export type AsOfPoint = { readonly position: number } | { readonly time: Date };

/** `1234` is a position, `2026-03-01T10:00:00Z` a time; anything else is refused (the caller names the field). */
export function parseAsOfPoint(value: string): AsOfPoint {
  if (/^\d+$/.test(value)) return { position: Number(value) };
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) {
    throw new TypeError(`"${value}" must be a log position (an integer) or an ISO time (2026-03-01T10:00:00Z)`);
  }
  return { time };
}

/** How a past view was put together, given with it so an auditor knows what it rests on. */
export interface Reconstruction {
  /** `customer-streams`: the customer's own streams (cost follows the customer); `whole-log`: every event up to the point. */
  readonly method: 'customer-streams' | 'whole-log';
  readonly eventsFolded: number;
  /** Fields this method cannot give exactly, and why (empty for the whole log). */
  readonly omitted: readonly string[];
  /** Why the whole log was folded when the caller did not ask for it. */
  readonly reason?: string;
}

export interface CustomerAsOfView extends Customer360View {
  readonly reconstruction: Reconstruction;
}

/**
 * The customer's 360 view as it was at a point in the past, rebuilt from the log (auditors). The port
 * lives with the view; the replay tooling (`@c360/replay`) implements it, folding this context's own
 * projections, and the process that runs the context provides it (`customer360Context`).
 */
export interface CustomerPastViews {
  asOf(customerId: string, at: AsOfPoint, options: { readonly population: boolean }): Promise<CustomerAsOfView>;
}

export const CUSTOMER_PAST_VIEWS = Symbol('CustomerPastViews');
