import type {
  ReplyAdded,
  SlaBreached,
  SlaDeadlinesChanged,
  TicketAssigned,
  TicketClosed,
  TicketMerged,
  TicketOpened,
  TicketPriorityChanged,
  TicketReopened,
  TicketResolved,
  TicketStatusChanged,
} from '@c360/tickets-domain';

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

// Read by the customer 360 read side (the open tickets of a customer with their SLA state, the timeline,
// support figures of the team report): ids, codes, instants and deadlines only.
export const TICKETS_TICKET_ASSIGNED = 'tickets.ticket-assigned' satisfies TicketAssigned['type'];
export const TICKETS_STATUS_CHANGED = 'tickets.status-changed' satisfies TicketStatusChanged['type'];
export const TICKETS_TICKET_CLOSED = 'tickets.ticket-closed' satisfies TicketClosed['type'];
export const TICKETS_PRIORITY_CHANGED = 'tickets.priority-changed' satisfies TicketPriorityChanged['type'];
export const TICKETS_SLA_DEADLINES_CHANGED = 'tickets.sla-deadlines-changed' satisfies SlaDeadlinesChanged['type'];
export const TICKETS_SLA_BREACHED = 'tickets.sla-breached' satisfies SlaBreached['type'];
export const TICKETS_TICKET_MERGED = 'tickets.ticket-merged' satisfies TicketMerged['type'];

export type TicketsTicketAssignedContract = Pick<TicketAssigned['data'], 'ticketId' | 'customerId' | 'agentId' | 'teamId' | 'assignedAt'>;
export type TicketsStatusChangedContract = Pick<
  TicketStatusChanged['data'],
  'ticketId' | 'customerId' | 'status' | 'previousStatus' | 'changedAt'
>;
export type TicketsTicketClosedContract = Pick<TicketClosed['data'], 'ticketId' | 'customerId' | 'closedAt'>;
export type TicketsPriorityChangedContract = Pick<
  TicketPriorityChanged['data'],
  'ticketId' | 'customerId' | 'priority' | 'previousPriority' | 'category' | 'changedAt'
>;
/** The running clocks' deadlines (empty: none running, e.g. waiting on the customer). */
export type TicketsSlaDeadlinesChangedContract = Pick<SlaDeadlinesChanged['data'], 'ticketId' | 'customerId' | 'deadlines' | 'derivedAt'>;
export type TicketsSlaBreachedContract = Pick<
  SlaBreached['data'],
  'ticketId' | 'customerId' | 'target' | 'cycle' | 'priority' | 'agentId' | 'teamId' | 'breachedAt'
>;
export type TicketsTicketMergedContract = Pick<TicketMerged['data'], 'ticketId' | 'customerId' | 'intoTicketId' | 'mergedAt'>;

/** The shared part of the tickets log as an event union, for projections and timelines typed against it. */
export type TicketsSharedEvent =
  | { readonly type: typeof TICKETS_TICKET_OPENED; readonly data: TicketsTicketOpenedContract }
  | { readonly type: typeof TICKETS_TICKET_ASSIGNED; readonly data: TicketsTicketAssignedContract }
  | { readonly type: typeof TICKETS_REPLY_ADDED; readonly data: TicketsReplyAddedContract }
  | { readonly type: typeof TICKETS_STATUS_CHANGED; readonly data: TicketsStatusChangedContract }
  | { readonly type: typeof TICKETS_TICKET_RESOLVED; readonly data: TicketsTicketResolvedContract }
  | { readonly type: typeof TICKETS_TICKET_CLOSED; readonly data: TicketsTicketClosedContract }
  | { readonly type: typeof TICKETS_TICKET_REOPENED; readonly data: TicketsTicketReopenedContract }
  | { readonly type: typeof TICKETS_PRIORITY_CHANGED; readonly data: TicketsPriorityChangedContract }
  | { readonly type: typeof TICKETS_SLA_DEADLINES_CHANGED; readonly data: TicketsSlaDeadlinesChangedContract }
  | { readonly type: typeof TICKETS_SLA_BREACHED; readonly data: TicketsSlaBreachedContract }
  | { readonly type: typeof TICKETS_TICKET_MERGED; readonly data: TicketsTicketMergedContract };

/** Which statuses a ticket is still worked on in, and in which its SLA clocks count (tickets' own rule). */
export { ACTIVE_STATUSES as TICKETS_ACTIVE_STATUSES, COUNTING_STATUSES as TICKETS_COUNTING_STATUSES } from '@c360/tickets-domain';
