import { ContextQuery, HandlesQuery, type IQueryHandler } from '@c360/runtime';
import type { BusinessCalendarDefinition, SlaPolicyBookState, SlaStatus, TicketStatus } from '@c360/tickets-domain';
import type { TicketMessageDocument, WorkloadDocument } from '@c360/tickets-projections';
import { TicketCalendars } from '../calendars/ticket-calendars';
import { SlaPolicyService } from '../policies/sla-policy.service';
import { TicketService } from '../tickets/ticket.service';
import type { PageRequest, PageResponse } from './paging';
import { TicketsQueries, type TicketView } from './tickets-queries.service';

/** The tickets reads as QueryBus messages: REST, GraphQL and the CLI ask the same questions. */

export class GetTicket extends ContextQuery<TicketView> {
  constructor(readonly ticketId: string) {
    super();
  }
}

/** The SLA clocks now, derived from the ticket's history (write side). */
export class GetTicketSla extends ContextQuery<{ ticketId: string; status: TicketStatus; version: number; sla: SlaStatus | null }> {
  constructor(readonly ticketId: string) {
    super();
  }
}

export class ListTicketMessages extends ContextQuery<PageResponse<TicketMessageDocument>> {
  constructor(
    readonly ticketId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class ListAgentQueue extends ContextQuery<PageResponse<TicketView>> {
  constructor(
    readonly agentId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class ListTeamQueue extends ContextQuery<PageResponse<TicketView>> {
  constructor(
    readonly teamId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class ListCustomerTickets extends ContextQuery<PageResponse<TicketView>> {
  constructor(
    readonly customerId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

export class GetTeamDashboard extends ContextQuery<WorkloadDocument> {
  constructor(readonly teamId: string) {
    super();
  }
}

export class ListTeams extends ContextQuery<PageResponse<WorkloadDocument>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}

export class GetAgentMetrics extends ContextQuery<WorkloadDocument> {
  constructor(readonly agentId: string) {
    super();
  }
}

export class GetSlaPolicies extends ContextQuery<SlaPolicyBookState & { version: number }> {}

export class ListCalendars extends ContextQuery<{ items: BusinessCalendarDefinition[] }> {}

@HandlesQuery(GetTicket)
export class GetTicketHandler implements IQueryHandler<GetTicket> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: GetTicket) {
    return this.queries.ticket(query.ticketId);
  }
}

@HandlesQuery(GetTicketSla)
export class GetTicketSlaHandler implements IQueryHandler<GetTicketSla> {
  constructor(private readonly tickets: TicketService) {}
  execute(query: GetTicketSla) {
    return this.tickets.sla(query.ticketId);
  }
}

@HandlesQuery(ListTicketMessages)
export class ListTicketMessagesHandler implements IQueryHandler<ListTicketMessages> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: ListTicketMessages) {
    return this.queries.messages(query.ticketId, query.page);
  }
}

@HandlesQuery(ListAgentQueue)
export class ListAgentQueueHandler implements IQueryHandler<ListAgentQueue> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: ListAgentQueue) {
    return this.queries.agentQueue(query.agentId, query.page);
  }
}

@HandlesQuery(ListTeamQueue)
export class ListTeamQueueHandler implements IQueryHandler<ListTeamQueue> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: ListTeamQueue) {
    return this.queries.teamQueue(query.teamId, query.page);
  }
}

@HandlesQuery(ListCustomerTickets)
export class ListCustomerTicketsHandler implements IQueryHandler<ListCustomerTickets> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: ListCustomerTickets) {
    return this.queries.customerTickets(query.customerId, query.page);
  }
}

@HandlesQuery(GetTeamDashboard)
export class GetTeamDashboardHandler implements IQueryHandler<GetTeamDashboard> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: GetTeamDashboard) {
    return this.queries.teamDashboard(query.teamId);
  }
}

@HandlesQuery(ListTeams)
export class ListTeamsHandler implements IQueryHandler<ListTeams> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: ListTeams) {
    return this.queries.teams(query.page);
  }
}

@HandlesQuery(GetAgentMetrics)
export class GetAgentMetricsHandler implements IQueryHandler<GetAgentMetrics> {
  constructor(private readonly queries: TicketsQueries) {}
  execute(query: GetAgentMetrics) {
    return this.queries.agentMetrics(query.agentId);
  }
}

@HandlesQuery(GetSlaPolicies)
export class GetSlaPoliciesHandler implements IQueryHandler<GetSlaPolicies> {
  constructor(private readonly policies: SlaPolicyService) {}
  execute() {
    return this.policies.book();
  }
}

@HandlesQuery(ListCalendars)
export class ListCalendarsHandler implements IQueryHandler<ListCalendars> {
  constructor(private readonly calendars: TicketCalendars) {}
  async execute() {
    return { items: this.calendars.definitions() };
  }
}

export const TICKETS_QUERY_HANDLERS = [
  GetTicketHandler,
  GetTicketSlaHandler,
  ListTicketMessagesHandler,
  ListAgentQueueHandler,
  ListTeamQueueHandler,
  ListCustomerTicketsHandler,
  GetTeamDashboardHandler,
  ListTeamsHandler,
  GetAgentMetricsHandler,
  GetSlaPoliciesHandler,
  ListCalendarsHandler,
];
