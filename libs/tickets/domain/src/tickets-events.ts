import type { SlaPolicyBookEvent } from './sla-policy/sla-policy-book';
import type { TicketEvent } from './ticket/ticket.events';

/** Every event the tickets context writes. */
export type TicketsEvent = TicketEvent | SlaPolicyBookEvent;
export type TicketsEventType = TicketsEvent['type'];
