import type { ReplyAdded, TicketOpened, TicketReopened, TicketResolved } from '@c360/tickets-domain';

/**
 * The part of the tickets log other contexts may react to: these event types and these fields, nothing
 * else. Surveys send a CSAT survey for a resolved ticket (and open a follow-up here with the
 * `OpenFollowUpTicket` command for a detractor); loyalty may award points for support outcomes if its
 * programme says so. Free text (subject, resolution, reasons) is never part of a contract.
 */
export const TICKETS_TICKET_OPENED = 'tickets.ticket-opened' satisfies TicketOpened['type'];
export const TICKETS_TICKET_RESOLVED = 'tickets.ticket-resolved' satisfies TicketResolved['type'];
export const TICKETS_TICKET_REOPENED = 'tickets.ticket-reopened' satisfies TicketReopened['type'];
/** Who replied and when, never what was written: surveys sends a CSAT only for tickets an agent answered. */
export const TICKETS_REPLY_ADDED = 'tickets.reply-added' satisfies ReplyAdded['type'];

export type TicketsTicketOpenedContract = Pick<
  TicketOpened['data'],
  'ticketId' | 'customerId' | 'channel' | 'priority' | 'category' | 'openedAt' | 'followUp'
>;

export type TicketsTicketResolvedContract = Pick<
  TicketResolved['data'],
  | 'ticketId'
  | 'customerId'
  | 'channel'
  | 'priority'
  | 'category'
  | 'agentId'
  | 'teamId'
  | 'resolvedAt'
  | 'reopenCount'
  | 'resolutionBusinessMinutes'
>;

export type TicketsTicketReopenedContract = Pick<TicketReopened['data'], 'ticketId' | 'customerId' | 'reopenedAt' | 'reopenCount'>;

export type TicketsReplyAddedContract = Pick<ReplyAdded['data'], 'ticketId' | 'customerId' | 'author' | 'agentId' | 'teamId' | 'repliedAt'>;
