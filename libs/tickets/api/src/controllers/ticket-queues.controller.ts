import { ACCESS, QueryBus, Roles } from '@c360/runtime';
import {
  GetAgentMetrics,
  GetTeamDashboard,
  ListAgentQueue,
  ListCustomerTickets,
  ListTeamQueue,
  ListTeams,
} from '@c360/tickets-application';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AgentParams, CustomerParams, TicketsPageQuery, TeamParams } from '../dto/ticket.dto';

const pageOf = (query: TicketsPageQuery) => ({ limit: query.limit, after: query.after });

/** Queues, dashboards and a customer's tickets (read models, cursor-paginated). */
@Controller()
export class TicketQueuesController {
  constructor(private readonly queries: QueryBus) {}

  /** The agent's open tickets, nearest deadline first; pending (paused) ones last. */
  @Roles(...ACCESS.work)
  @ApiOperation({ summary: "The agent's open tickets, nearest deadline first; pending (paused) ones last" })
  @Get('tickets/queues/agents/:agentId')
  agentQueue(@Param() params: AgentParams, @Query() query: TicketsPageQuery) {
    return this.queries.execute(new ListAgentQueue(params.agentId, pageOf(query)));
  }

  @Roles(...ACCESS.work)
  @ApiOperation({ summary: 'Team queue' })
  @Get('tickets/queues/teams/:teamId')
  teamQueue(@Param() params: TeamParams, @Query() query: TicketsPageQuery) {
    return this.queries.execute(new ListTeamQueue(params.teamId, pageOf(query)));
  }

  /** Teams by backlog, largest first. */
  // Agents see their team's backlog and their own figures, as supervisors and auditors do.
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Teams by backlog, largest first' })
  @Get('tickets/teams')
  teams(@Query() query: TicketsPageQuery) {
    return this.queries.execute(new ListTeams(pageOf(query)));
  }

  /** Backlog by priority, breaches by target, median first response (`unassigned` holds tickets without a team). */
  // Agents see their team's backlog and their own figures, as supervisors and auditors do.
  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Backlog by priority, breaches by target, median first response (`unassigned` holds tickets without a team)' })
  @Get('tickets/teams/:teamId/dashboard')
  teamDashboard(@Param() params: TeamParams) {
    return this.queries.execute(new GetTeamDashboard(params.teamId));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Agent metrics' })
  @Get('tickets/agents/:agentId/metrics')
  agentMetrics(@Param() params: AgentParams) {
    return this.queries.execute(new GetAgentMetrics(params.agentId));
  }

  @Roles(...ACCESS.read)
  @ApiOperation({ summary: 'Customer tickets' })
  @Get('customers/:customerId/tickets')
  customerTickets(@Param() params: CustomerParams, @Query() query: TicketsPageQuery) {
    return this.queries.execute(new ListCustomerTickets(params.customerId, pageOf(query)));
  }
}
