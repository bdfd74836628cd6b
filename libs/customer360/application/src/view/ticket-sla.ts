import type { CustomerTicketDocument } from '@c360/customer360-projections';
import { TICKETS_COUNTING_STATUSES } from '@c360/tickets-contracts';

/**
 * An open ticket's SLA state at a moment:
 * - `breached`: a target was missed (recorded by tickets, or a running clock past due and not yet recorded);
 * - `due-soon`: a running clock is past its warning time;
 * - `on-track`: clocks run, none near;
 * - `paused`: no clock runs because the ticket's status does not count time (waiting on the customer, or to be closed);
 * - `none`: no SLA policy covers it.
 */
export type SlaState = 'breached' | 'due-soon' | 'on-track' | 'paused' | 'none';

export interface OpenTicket {
  readonly ticketId: string;
  readonly status: string;
  readonly priority: string;
  readonly category: string | null;
  readonly channel: string;
  readonly openedAt: string;
  readonly agentId: string | null;
  readonly teamId: string | null;
  readonly followUp: boolean;
  readonly slaState: SlaState;
  /** The nearest running deadline and its target (null when none runs). */
  readonly nextDue: { readonly target: string; readonly dueAt: string } | null;
  readonly breaches: number;
}

const COUNTING: ReadonlySet<string> = new Set(TICKETS_COUNTING_STATUSES);

export function openTicketAt(ticket: CustomerTicketDocument, now: Date): OpenTicket {
  const at = now.toISOString();
  const next = ticket.deadlines.reduce<CustomerTicketDocument['deadlines'][number] | null>(
    (nearest, deadline) => (nearest === null || deadline.dueAt < nearest.dueAt ? deadline : nearest),
    null,
  );
  const slaState: SlaState =
    ticket.breaches.length > 0 || (next !== null && next.dueAt <= at)
      ? 'breached'
      : next !== null
        ? next.warnAt <= at
          ? 'due-soon'
          : 'on-track'
        : COUNTING.has(ticket.status)
          ? 'none'
          : 'paused';
  return {
    ticketId: ticket.ticketId,
    status: ticket.status,
    priority: ticket.priority,
    category: ticket.category,
    channel: ticket.channel,
    openedAt: ticket.openedAt,
    agentId: ticket.agentId,
    teamId: ticket.teamId,
    followUp: ticket.followUp,
    slaState,
    nextDue: next && { target: next.target, dueAt: next.dueAt },
    breaches: ticket.breaches.length,
  };
}
