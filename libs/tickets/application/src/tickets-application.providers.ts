import { TicketCalendars } from './calendars/ticket-calendars';
import { TICKETS_CONFIG, loadTicketsConfig } from './config/tickets-config';
import { EnsureDefaultSlaPolicies } from './policies/ensure-default-sla-policies';
import { RemoveSlaPolicyHandler, SetSlaPolicyHandler } from './policies/sla-policy.commands';
import { SlaPolicyService } from './policies/sla-policy.service';
import { TICKETS_QUERY_HANDLERS } from './queries/tickets.queries';
import { TicketsQueries } from './queries/tickets-queries.service';
import { RunSlaSchedulerHandler } from './scheduler/scheduler.commands';
import { TicketsSlaScheduler } from './scheduler/sla-scheduler';
import { TICKET_COMMAND_HANDLERS } from './tickets/ticket-command.handlers';
import { TicketService } from './tickets/ticket.service';

/** Everything the tickets definition provides: configuration, calendars, services, CQRS handlers, the scheduler. */
export const TICKETS_PROVIDERS = [
  { provide: TICKETS_CONFIG, useFactory: () => loadTicketsConfig() },
  TicketCalendars,
  SlaPolicyService,
  TicketService,
  TicketsQueries,
  TicketsSlaScheduler,
  EnsureDefaultSlaPolicies,
  SetSlaPolicyHandler,
  RemoveSlaPolicyHandler,
  RunSlaSchedulerHandler,
  ...TICKET_COMMAND_HANDLERS,
  ...TICKETS_QUERY_HANDLERS,
];
