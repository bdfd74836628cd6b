import type { UseCaseResult } from '@c360/kernel';
import type { TicketState } from '@c360/tickets-domain';

/**
 * What every ticket command answers: the ticket's `version` (its stream revision: send it back as
 * If-Match), whether the request was a repeat, and the ticket as it now is (without the SLA history the
 * deadlines are derived from; GET /tickets/:id/sla shows the clocks).
 */
export function writtenTicket(result: UseCaseResult<TicketState> & { ticketId: string }) {
  const state = result.state;
  const ticket =
    state.status === 'none'
      ? null
      : {
          ticketId: state.ticketId,
          customerId: state.customerId,
          status: state.status,
          channel: state.channel,
          priority: state.priority,
          category: state.category,
          agentId: state.agentId,
          teamId: state.teamId,
          openedAt: state.openedAt,
          firstResponseAt: state.firstResponseAt,
          reopenCount: state.reopenCount,
          policy: state.policy,
          deadlines: state.deadlines,
          mergedInto: state.mergedInto,
          absorbed: state.absorbed,
        };
  return { ticketId: result.ticketId, version: result.revision, duplicate: result.duplicate, ticket };
}
