import { classifyEventFields, personalDataPolicyOf, type PersonalDataPolicy } from '@c360/kernel';
import type { TicketsEvent } from './tickets-events';

const holder = { agentId: 'plain', teamId: 'plain' } as const;

/**
 * Every text field of every tickets event, personal or plain (GUIDE "Privacy", ADR 0013). Everything a
 * customer or an agent writes about the customer's problem — subject, description, replies, notes, the
 * resolution and a reopen's reason — is sealed with the customer's key, so it is unreadable once the
 * customer is erased. Statuses, priorities, categories (slugs), channels, agent and team ids, instants
 * and SLA figures are business facts.
 */
export const ticketsEventFields = classifyEventFields<TicketsEvent>()({
  'tickets.ticket-opened': {
    subject: 'customerId',
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      channel: 'plain',
      subject: 'personal',
      description: 'personal',
      priority: 'plain',
      category: 'plain',
      openedAt: 'plain',
      openedBy: 'plain',
      ...holder,
    },
  },
  'tickets.ticket-assigned': {
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      previousAgentId: 'plain',
      previousTeamId: 'plain',
      priority: 'plain',
      assignedAt: 'plain',
      assignedBy: 'plain',
      ...holder,
    },
  },
  'tickets.reply-added': {
    subject: 'customerId',
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      replyId: 'plain',
      author: 'plain',
      authorId: 'plain',
      body: 'personal',
      repliedAt: 'plain',
      ...holder,
    },
  },
  'tickets.note-added': {
    subject: 'customerId',
    fields: { ticketId: 'plain', customerId: 'plain', noteId: 'plain', authorId: 'plain', body: 'personal', notedAt: 'plain' },
  },
  'tickets.status-changed': {
    fields: { ticketId: 'plain', customerId: 'plain', status: 'plain', previousStatus: 'plain', changedAt: 'plain', changedBy: 'plain' },
  },
  'tickets.ticket-resolved': {
    subject: 'customerId',
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      resolution: 'personal',
      previousStatus: 'plain',
      resolvedAt: 'plain',
      resolvedBy: 'plain',
      channel: 'plain',
      priority: 'plain',
      category: 'plain',
      ...holder,
    },
  },
  'tickets.ticket-closed': { fields: { ticketId: 'plain', customerId: 'plain', closedAt: 'plain', closedBy: 'plain' } },
  'tickets.ticket-reopened': {
    subject: 'customerId',
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      reason: 'personal',
      previousStatus: 'plain',
      priority: 'plain',
      reopenedAt: 'plain',
      reopenedBy: 'plain',
      ...holder,
    },
  },
  'tickets.priority-changed': {
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      priority: 'plain',
      previousPriority: 'plain',
      category: 'plain',
      previousCategory: 'plain',
      changedAt: 'plain',
      changedBy: 'plain',
      ...holder,
    },
  },
  'tickets.sla-policy-applied': {
    fields: { ticketId: 'plain', customerId: 'plain', policyId: 'plain', calendarId: 'plain', appliedAt: 'plain' },
  },
  'tickets.sla-deadlines-changed': { fields: { ticketId: 'plain', customerId: 'plain', deadlines: 'plain', derivedAt: 'plain' } },
  'tickets.sla-warning-recorded': {
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      target: 'plain',
      cycle: 'plain',
      dueAt: 'plain',
      priority: 'plain',
      warnedAt: 'plain',
      ...holder,
    },
  },
  'tickets.sla-breached': {
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      target: 'plain',
      cycle: 'plain',
      priority: 'plain',
      breachedAt: 'plain',
      recordedAt: 'plain',
      ...holder,
    },
  },
  'tickets.ticket-merged': {
    fields: {
      ticketId: 'plain',
      customerId: 'plain',
      intoTicketId: 'plain',
      previousStatus: 'plain',
      priority: 'plain',
      mergedAt: 'plain',
      mergedBy: 'plain',
      ...holder,
    },
  },
  'tickets.ticket-absorbed': { fields: { ticketId: 'plain', customerId: 'plain', sourceTicketId: 'plain', absorbedAt: 'plain' } },
  // The policy book is configuration written by supervisors: names and targets, about no customer.
  'tickets.sla-policy-set': { fields: { policy: 'plain', setAt: 'plain', setBy: 'plain' } },
  'tickets.sla-policy-removed': { fields: { policyId: 'plain', removedAt: 'plain', removedBy: 'plain' } },
});

/** The sealing policy the event store applies, derived from the classification. */
export const ticketsPersonalData: PersonalDataPolicy = personalDataPolicyOf(ticketsEventFields);
