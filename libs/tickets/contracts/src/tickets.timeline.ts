import { defineTimeline, type TimelineEntryFacts } from '@c360/kernel';
import type { TicketsSharedEvent } from './tickets.shared-events';

const TARGETS: Readonly<Record<string, string>> = {
  'first-response': 'first response',
  'next-update': 'next update',
  resolution: 'resolution',
};

/** Every tickets entry links its ticket: an agent opens it there for the subject and the conversation. */
const entry = (
  kind: 'ticket' | 'sla',
  data: { customerId: string; ticketId: string },
  summary: string,
  at: string,
): TimelineEntryFacts => ({
  customerId: data.customerId,
  kind,
  summary,
  links: { ticketId: data.ticketId },
  at,
});

/**
 * How support reads on the customer timeline: a ticket opened, resolved, closed, reopened or merged,
 * and an SLA target missed. Subjects and replies stay out (personal, and the ticket itself holds them).
 */
export const TICKETS_TIMELINE = defineTimeline<TicketsSharedEvent>()({
  'tickets.ticket-opened': ({ data }) =>
    entry(
      'ticket',
      data,
      `${data.followUp ? 'Follow-up ticket' : 'Ticket'} opened by ${data.channel}, ${data.priority} priority${data.category ? ` (${data.category})` : ''}`,
      data.openedAt,
    ),
  'tickets.ticket-resolved': ({ data }) =>
    entry(
      'ticket',
      data,
      `Ticket resolved${data.reopenCount > 0 ? ` after ${data.reopenCount} reopening${data.reopenCount > 1 ? 's' : ''}` : ''}`,
      data.resolvedAt,
    ),
  'tickets.ticket-closed': ({ data }) => entry('ticket', data, 'Ticket closed', data.closedAt),
  'tickets.ticket-reopened': ({ data }) => entry('ticket', data, 'Ticket reopened', data.reopenedAt),
  // The entry links the ticket it went into, where the conversation continues.
  'tickets.ticket-merged': ({ data }) =>
    entry('ticket', { ...data, ticketId: data.intoTicketId }, 'Ticket merged into another', data.mergedAt),
  'tickets.sla-breached': ({ data }) =>
    entry('sla', data, `SLA ${TARGETS[data.target] ?? data.target} target missed (${data.priority} priority)`, data.breachedAt),
});
