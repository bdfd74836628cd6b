/** A running SLA clock as tickets records it: the target, when its cycle began, when it is due and when to warn. */
export interface TicketDeadlineFact {
  readonly target: string;
  readonly cycle: string;
  readonly dueAt: string;
  readonly warnAt: string;
}

/**
 * One support ticket as the customer 360 sees it (`c360-tickets`): its state, who holds it and its SLA
 * clocks, from tickets' shared events. No subject, no conversation: those stay in the tickets context.
 */
export interface CustomerTicketDocument {
  readonly ticketId: string;
  readonly customerId: string;
  readonly status: string;
  readonly priority: string;
  readonly category: string | null;
  readonly channel: string;
  readonly openedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly agentId: string | null;
  readonly teamId: string | null;
  readonly reopenCount: number;
  /** A follow-up of a low survey score. */
  readonly followUp: boolean;
  /** The clocks running now (empty while waiting on the customer, or once resolved). */
  readonly deadlines: readonly TicketDeadlineFact[];
  /** Each target missed, once per cycle. */
  readonly breaches: readonly { readonly target: string; readonly cycle: string; readonly breachedAt: string }[];
  /** The customer's CSAT answer about this ticket (surveys), the latest if several. */
  readonly csat: { readonly score: number; readonly category: string | null; readonly answeredAt: string } | null;
}
