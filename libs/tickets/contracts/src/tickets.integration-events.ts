import { FIELDS, TOPICS, defineIntegrationContracts } from '@c360/integration-events';
import type { TicketEvent } from '@c360/tickets-domain';

/**
 * Integration events the tickets context publishes on `c360.tickets.v1`: tickets opened, replied,
 * resolved and reopened, SLA breaches — ids, codes, priorities, minutes and instants, never what anyone
 * wrote (subjects, descriptions, replies, notes and reasons stay sealed in the log).
 */
const { customerId, instant } = FIELDS;
const ticketId = { type: 'string', required: true, description: 'ticket id (UUID)' } as const;
const priority = { type: 'string', required: true, description: 'low | normal | high | urgent' } as const;
const category = { type: 'string', description: 'category slug' } as const;
const agentId = { type: 'string', description: 'assigned agent id' } as const;
const teamId = { type: 'string', description: 'assigned team id' } as const;

export const TICKETS_INTEGRATION_EVENTS = defineIntegrationContracts<TicketEvent>()([
  {
    type: 'tickets.ticket-opened',
    schemaVersion: 1,
    topic: TOPICS.tickets,
    from: 'tickets.ticket-opened',
    description: 'A support ticket was opened from a channel.',
    key: (event) => event.data.customerId,
    fields: {
      ticketId,
      customerId,
      channel: { type: 'string', required: true, description: 'email | phone | chat | portal | web-form | survey' },
      priority,
      category,
      openedAt: instant('when'),
    },
  },
  {
    type: 'tickets.ticket-replied',
    schemaVersion: 1,
    topic: TOPICS.tickets,
    from: 'tickets.reply-added',
    description: 'A public reply on a ticket, by an agent or the customer (internal notes are not published).',
    key: (event) => event.data.customerId,
    fields: {
      ticketId,
      customerId,
      author: { type: 'string', required: true, description: 'agent | customer' },
      agentId,
      teamId,
      repliedAt: instant('when'),
    },
  },
  {
    type: 'tickets.ticket-resolved',
    schemaVersion: 1,
    topic: TOPICS.tickets,
    from: 'tickets.ticket-resolved',
    description: 'A ticket was resolved (what surveys send a CSAT survey for).',
    key: (event) => event.data.customerId,
    fields: {
      ticketId,
      customerId,
      channel: { type: 'string', required: true, description: 'the channel it was opened from' },
      priority,
      category,
      agentId,
      teamId,
      resolutionMinutes: { type: 'integer', description: 'wall-clock minutes from opening, rounded' },
      resolutionBusinessMinutes: { type: 'integer', description: 'business minutes counted by the SLA clock, rounded' },
      reopenCount: { type: 'integer', required: true, description: 'times reopened before this resolution' },
      resolvedAt: instant('when'),
    },
  },
  {
    type: 'tickets.ticket-reopened',
    schemaVersion: 1,
    topic: TOPICS.tickets,
    from: 'tickets.ticket-reopened',
    description: 'A resolved or closed ticket was reopened.',
    key: (event) => event.data.customerId,
    fields: {
      ticketId,
      customerId,
      priority,
      agentId,
      teamId,
      reopenCount: { type: 'integer', required: true, description: 'times reopened' },
      reopenedAt: instant('when'),
    },
  },
  {
    type: 'tickets.sla-breached',
    schemaVersion: 1,
    topic: TOPICS.tickets,
    from: 'tickets.sla-breached',
    description: 'An SLA target (first response, next update, resolution) passed unmet; once per target.',
    key: (event) => event.data.customerId,
    fields: {
      ticketId,
      customerId,
      target: { type: 'string', required: true, description: 'first-response | next-update | resolution' },
      priority,
      agentId,
      teamId,
      breachedAt: instant('the deadline that passed'),
      recordedAt: instant('when the breach was recorded'),
    },
  },
]);
