import { customerDirectoryProjection } from '@c360/contacts-contracts';
import { ContextModule, defineContext } from '@c360/runtime';
import {
  EnsureDefaultSlaPolicies,
  SURVEYS_FOLLOW_UP_REQUESTED,
  TICKETS_PROVIDERS,
  TicketCalendars,
  TicketsAccessExport,
  loadTicketsConfig,
  surveyFollowUpsWorkflow,
} from '@c360/tickets-application';
import { TICKETS_INTEGRATION_EVENTS, TICKETS_TIMELINE } from '@c360/tickets-contracts';
import { slaPolicyBookAggregate, ticketAggregate, ticketsEventFields } from '@c360/tickets-domain';
import { TICKETS_PROJECTIONS } from '@c360/tickets-projections';
import { SlaController } from './controllers/sla.controller';
import { TicketQueuesController } from './controllers/ticket-queues.controller';
import { TicketsController } from './controllers/tickets.controller';
import { TICKETS_GRAPHQL } from './graphql/tickets.graphql';

/**
 * The tickets bounded context in one place: tickets with their conversation, SLA policies counted in
 * business minutes on calendars (deadlines derived from each ticket's history), the read models with
 * their indexes, the SLA scheduler, and the REST API. Subjects, descriptions, replies, notes and other
 * free text are sealed with the customer's key. The all-in-one platform and apps/tickets both run it.
 */
export const ticketsContext = defineContext({
  name: 'tickets',
  description: 'Support tickets, SLA deadlines on business calendars, queues, dashboards and handling-time metrics',
  aggregates: [ticketAggregate, slaPolicyBookAggregate],
  eventFields: ticketsEventFields,
  customerDirectory: customerDirectoryProjection('tickets'),
  // Subjects and bodies stay sealed in the read models (none reads personal data): queries open them.
  projections: TICKETS_PROJECTIONS,
  // How its events read on the customer 360 timeline.
  timeline: TICKETS_TIMELINE,
  // A detractor's answer (surveys' published request) opens its follow-up ticket here.
  workflows: [surveyFollowUpsWorkflow],
  consumes: [SURVEYS_FOLLOW_UP_REQUESTED],
  publishes: TICKETS_INTEGRATION_EVENTS,
  accessExport: TicketsAccessExport,
  graphql: TICKETS_GRAPHQL,
  controllers: [TicketsController, TicketQueuesController, SlaController],
  providers: TICKETS_PROVIDERS,
  onStart: [EnsureDefaultSlaPolicies],
  settings: () => {
    const config = loadTicketsConfig();
    const calendars = new TicketCalendars(config).ids();
    return `SLA scheduler: ${config.schedulerIntervalMs > 0 ? `every ${config.schedulerIntervalMs} ms` : 'off'}; calendars: ${calendars.join(', ')} (holidays from ${config.holidaysDir})`;
  },
});

export const TicketsModule = ContextModule.register(ticketsContext);
