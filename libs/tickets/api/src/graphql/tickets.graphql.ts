import { ACCESS, graphqlCommand as command, graphqlQuery as read, type GraphqlOperations } from '@c360/runtime';

/** Tickets on the GraphQL gateway: each field is answered by the tickets route named beside it. */
export const TICKETS_GRAPHQL: GraphqlOperations = [
  read('ticket', 'A ticket as it now is', '/tickets/:ticketId'),
  read('ticketMessages', 'Public replies and internal notes, oldest first', '/tickets/:ticketId/messages', {
    params: { limit: 'Int', after: 'String' },
    connection: true,
  }),
  read('ticketSla', 'The SLA clocks of a ticket now', '/tickets/:ticketId/sla'),
  read('customerTickets', "A customer's tickets (filter: status, limit, after)", '/customers/:customerId/tickets', {
    filter: true,
    connection: true,
  }),
  read('agentQueue', "An agent's open tickets, most urgent first", '/tickets/queues/agents/:agentId', {
    roles: ACCESS.work,
    filter: true,
    connection: true,
  }),
  read('teamQueue', "A team's open tickets, most urgent first", '/tickets/queues/teams/:teamId', {
    roles: ACCESS.work,
    filter: true,
    connection: true,
  }),
  read('ticketTeams', 'Teams with tickets', '/tickets/teams', { filter: true }),
  read('teamDashboard', "A team's queue figures and SLA breaches", '/tickets/teams/:teamId/dashboard'),
  read('agentMetrics', "An agent's handling-time metrics", '/tickets/agents/:agentId/metrics'),
  read('slaPolicies', 'The SLA policies in force', '/tickets/sla/policies'),
  read('slaCalendars', 'Business calendars', '/tickets/sla/calendars'),
  command('openTicket', 'Open a ticket', 'POST', '/tickets'),
  command(
    'openFollowUpTicket',
    'Open the follow-up of a detractor survey answer (idempotent per response)',
    'POST',
    '/tickets/follow-ups',
    {
      roles: ACCESS.jobs,
    },
  ),
  command('assignTicket', 'Assign to an agent and/or team', 'POST', '/tickets/:ticketId/assignment'),
  command('replyToTicket', 'Add a public reply', 'POST', '/tickets/:ticketId/replies'),
  command('addTicketNote', 'Add an internal note', 'POST', '/tickets/:ticketId/notes'),
  command('changeTicketStatus', 'Change the status', 'POST', '/tickets/:ticketId/status'),
  command('resolveTicket', 'Resolve', 'POST', '/tickets/:ticketId/resolve'),
  command('closeTicket', 'Close', 'POST', '/tickets/:ticketId/close', { input: false }),
  command('reopenTicket', 'Reopen', 'POST', '/tickets/:ticketId/reopen'),
  command('changeTicketPriority', 'Change priority and/or category (the deadlines follow)', 'POST', '/tickets/:ticketId/priority'),
  command('mergeTicket', 'Merge this duplicate into another ticket of the same customer', 'POST', '/tickets/:ticketId/merge'),
  command('setSlaPolicy', 'Define or change an SLA policy', 'PUT', '/tickets/sla/policies/:policyId', { roles: ACCESS.manage }),
  command('removeSlaPolicy', 'Remove an SLA policy', 'DELETE', '/tickets/sla/policies/:policyId', { roles: ACCESS.manage, input: false }),
  command('runSlaScheduler', 'Run the SLA scheduler now', 'POST', '/tickets/sla/scheduler/run', { roles: ACCESS.jobs, input: false }),
];
