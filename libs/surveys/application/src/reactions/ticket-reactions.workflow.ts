import type { DomainEvent, EnvelopeOf, Workflow, WorkflowStep } from '@c360/kernel';
import {
  TICKETS_REPLY_ADDED,
  TICKETS_TICKET_OPENED,
  TICKETS_TICKET_RESOLVED,
  readReplyAdded,
  readTicketOpened,
  readTicketResolved,
} from './tickets-events.acl';
import { RecordFollowUpOutcome, SendTicketCsat } from './reaction.commands';

export type TicketInput =
  | DomainEvent<typeof TICKETS_TICKET_OPENED, unknown>
  | DomainEvent<typeof TICKETS_REPLY_ADDED, unknown>
  | DomainEvent<typeof TICKETS_TICKET_RESOLVED, unknown>;

export type TicketReactionCommand = SendTicketCsat | RecordFollowUpOutcome;

/** What surveys remembers of one ticket: whether an agent answered it, and the answer it follows up. */
export interface TicketTrack {
  readonly agentReplied: boolean;
  readonly followUpOf: { readonly invitationId: string; readonly customerId: string } | null;
}

const FRESH: TicketTrack = { agentReplied: false, followUpOf: null };

/**
 * Tickets' events → surveys (one instance per ticket):
 * - a ticket resolved after an agent replied sends one CSAT survey for it (its invitation id derives
 *   from the ticket, so a reopened and re-resolved ticket is not asked twice; a ticket closed without
 *   an agent reply is never asked; a survey follow-up ticket is not surveyed);
 * - on a follow-up ticket (opened by tickets for a detractor's answer) it records the outcome on the
 *   answer: opened, first agent reply (time to first contact), resolution.
 */
export const ticketReactionsWorkflow: Workflow<TicketInput, TicketReactionCommand, TicketTrack> = {
  name: 'surveys-ticket-reactions',
  handles: [TICKETS_TICKET_OPENED, TICKETS_REPLY_ADDED, TICKETS_TICKET_RESOLVED],
  initialState: FRESH,
  instanceOf: (event) => (event.data as { ticketId?: unknown }).ticketId as string | undefined,
  evolve(state: TicketTrack, event: EnvelopeOf<TicketInput>): TicketTrack {
    switch (event.type) {
      case TICKETS_TICKET_OPENED: {
        const opened = readTicketOpened(event.data);
        return opened.followUpOf ? { ...state, followUpOf: { invitationId: opened.followUpOf, customerId: opened.customerId } } : state;
      }
      case TICKETS_REPLY_ADDED:
        return readReplyAdded(event.data).byAgent ? { ...state, agentReplied: true } : state;
      default:
        return state;
    }
  },
  decide(event, state): WorkflowStep<TicketReactionCommand>[] {
    switch (event.type) {
      case TICKETS_TICKET_OPENED: {
        const opened = readTicketOpened(event.data);
        if (!opened.followUpOf) return [];
        const target = { customerId: opened.customerId, invitationId: opened.followUpOf, ticketId: opened.ticketId, at: opened.openedAt };
        return [{ step: 'follow-up-opened', command: new RecordFollowUpOutcome('opened', target) }];
      }
      case TICKETS_REPLY_ADDED: {
        const reply = readReplyAdded(event.data);
        if (!reply.byAgent || !state.followUpOf || state.agentReplied) return [];
        const target = { ...state.followUpOf, ticketId: reply.ticketId, at: reply.repliedAt };
        return [{ step: 'follow-up-contacted', command: new RecordFollowUpOutcome('contacted', target) }];
      }
      case TICKETS_TICKET_RESOLVED: {
        const resolved = readTicketResolved(event.data);
        if (state.followUpOf) {
          const target = { ...state.followUpOf, ticketId: resolved.ticketId, at: resolved.resolvedAt };
          return [{ step: 'follow-up-resolved', command: new RecordFollowUpOutcome('resolved', target) }];
        }
        if (!state.agentReplied) return [];
        const { ticketId, customerId, agentId, teamId } = resolved;
        return [{ step: 'csat', command: new SendTicketCsat({ ticketId, customerId, agentId, teamId }) }];
      }
    }
  },
};
