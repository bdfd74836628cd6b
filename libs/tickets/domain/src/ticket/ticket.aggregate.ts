import { streamName, type AggregateType } from '@c360/kernel';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decider';
import { TICKET_EVENT_TYPES, type TicketEvent, type TicketEventType } from './ticket.events';
import type { TicketState } from './ticket.state';

export function ticketStream(ticketId: string): string {
  return streamName('tickets', 'ticket', ticketId);
}

export const ticketAggregate: AggregateType<TicketCommand, TicketEvent, TicketState> = {
  name: 'tickets-ticket',
  decider: ticketDecider,
  eventSchemas: Object.fromEntries(TICKET_EVENT_TYPES.map((type) => [type, 1])) as Record<TicketEventType, number>,
};
