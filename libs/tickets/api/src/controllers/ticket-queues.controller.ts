import { QueryBus } from '@c360/runtime';
import {
  GetAgentMetrics,
  GetTeamDashboard,
  ListAgentQueue,
  ListCustomerTickets,
  ListTeamQueue,
  ListTeams,
} from '@c360/tickets-application';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { AgentParams, CustomerParams, PageQuery, TeamParams } from '../dto/ticket.dto';

const pageOf = (query: PageQuery) => ({ limit: query.limit, after: query.after });

/** Queues, dashboards and a customer's tickets (read models, cursor-paginated). */
@Controller()
export class TicketQueuesController {
  constructor(private readonly queries: QueryBus) {}

  /** The agent's open tickets, nearest deadline first; pending (paused) ones last. */
  // roles: agent, supervisor
  @Get('tickets/queues/agents/:agentId')
  agentQueue(@Param() params: AgentParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListAgentQueue(params.agentId, pageOf(query)));
  }

  // roles: agent, supervisor
  @Get('tickets/queues/teams/:teamId')
  teamQueue(@Param() params: TeamParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListTeamQueue(params.teamId, pageOf(query)));
  }

  /** Teams by backlog, largest first. */
  // roles: supervisor, auditor
  @Get('tickets/teams')
  teams(@Query() query: PageQuery) {
    return this.queries.execute(new ListTeams(pageOf(query)));
  }

  /** Backlog by priority, breaches by target, median first response (`unassigned` holds tickets without a team). */
  // roles: supervisor, auditor
  @Get('tickets/teams/:teamId/dashboard')
  teamDashboard(@Param() params: TeamParams) {
    return this.queries.execute(new GetTeamDashboard(params.teamId));
  }

  // roles: agent, supervisor, auditor
  @Get('tickets/agents/:agentId/metrics')
  agentMetrics(@Param() params: AgentParams) {
    return this.queries.execute(new GetAgentMetrics(params.agentId));
  }

  // roles: agent, supervisor, auditor
  @Get('customers/:customerId/tickets')
  customerTickets(@Param() params: CustomerParams, @Query() query: PageQuery) {
    return this.queries.execute(new ListCustomerTickets(params.customerId, pageOf(query)));
  }
}
