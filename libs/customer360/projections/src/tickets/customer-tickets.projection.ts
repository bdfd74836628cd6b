import { projectionCollection, type DocumentProjection, type EnvelopeOf } from '@c360/kernel';
import { SURVEYS_ANSWER_RECORDED, type SurveysSharedEvent } from '@c360/surveys-contracts';
import type { TicketsSharedEvent } from '@c360/tickets-contracts';
import type { CustomerTicketDocument } from './customer-ticket.document';

export const CUSTOMER_TICKETS = { name: 'c360-tickets', version: 1 } as const;
export const CUSTOMER_TICKETS_COLLECTION = projectionCollection(CUSTOMER_TICKETS);

type TicketEvent = Exclude<TicketsSharedEvent, { type: 'tickets.reply-added' }>;
type AnswerEvent = Extract<SurveysSharedEvent, { type: typeof SURVEYS_ANSWER_RECORDED }>;

/**
 * The customer's tickets with their state, SLA clocks and CSAT answer: the 360's open tickets, the churn
 * signal of breached ones, and the support figures of the team report.
 */
export const customerTicketsProjection: DocumentProjection<CustomerTicketDocument, TicketEvent | AnswerEvent> = {
  ...CUSTOMER_TICKETS,
  handles: [
    'tickets.ticket-opened',
    'tickets.ticket-assigned',
    'tickets.status-changed',
    'tickets.ticket-resolved',
    'tickets.ticket-closed',
    'tickets.ticket-reopened',
    'tickets.priority-changed',
    'tickets.sla-deadlines-changed',
    'tickets.sla-breached',
    'tickets.ticket-merged',
    SURVEYS_ANSWER_RECORDED,
  ],
  // The 360 reads a customer's open tickets newest first; the team report the tickets resolved in a period.
  indexes: [{ fields: ['customerId', 'status'] }, { fields: ['resolvedAt'] }],
  documentIds: (event) => {
    if (event.type !== SURVEYS_ANSWER_RECORDED) return [event.data.ticketId];
    return event.data.kind === 'csat' && event.data.ticketId ? [event.data.ticketId] : [];
  },
  evolve(doc, event) {
    if (event.type === 'tickets.ticket-opened') return doc ?? opened(event);
    if (event.type === SURVEYS_ANSWER_RECORDED) {
      const { score, category, answeredAt } = event.data;
      return doc && score !== undefined ? { ...doc, csat: { score, category: category ?? null, answeredAt } } : doc;
    }
    return doc && evolveTicket(doc, event);
  },
};

function opened(event: EnvelopeOf<Extract<TicketEvent, { type: 'tickets.ticket-opened' }>>): CustomerTicketDocument {
  const { data } = event;
  return {
    ticketId: data.ticketId,
    customerId: data.customerId,
    status: 'new',
    priority: data.priority,
    category: data.category,
    channel: data.channel,
    openedAt: data.openedAt,
    resolvedAt: null,
    closedAt: null,
    agentId: null,
    teamId: null,
    reopenCount: 0,
    followUp: data.followUp !== undefined,
    deadlines: [],
    breaches: [],
    csat: null,
  };
}

function evolveTicket(
  doc: CustomerTicketDocument,
  event: EnvelopeOf<Exclude<TicketEvent, { type: 'tickets.ticket-opened' }>>,
): CustomerTicketDocument {
  switch (event.type) {
    case 'tickets.ticket-assigned':
      return { ...doc, agentId: event.data.agentId, teamId: event.data.teamId };
    case 'tickets.status-changed':
      return { ...doc, status: event.data.status };
    case 'tickets.ticket-resolved':
      return {
        ...doc,
        status: 'resolved',
        resolvedAt: event.data.resolvedAt,
        agentId: event.data.agentId,
        teamId: event.data.teamId,
        reopenCount: event.data.reopenCount,
      };
    case 'tickets.ticket-closed':
      return { ...doc, status: 'closed', closedAt: event.data.closedAt };
    case 'tickets.ticket-reopened':
      return { ...doc, status: 'open', resolvedAt: null, reopenCount: event.data.reopenCount };
    case 'tickets.priority-changed':
      return { ...doc, priority: event.data.priority, category: event.data.category };
    case 'tickets.sla-deadlines-changed':
      return {
        ...doc,
        deadlines: event.data.deadlines.map(({ target, cycle, dueAt, warnAt }) => ({ target, cycle, dueAt, warnAt })),
      };
    case 'tickets.sla-breached': {
      const { target, cycle, breachedAt } = event.data;
      if (doc.breaches.some((breach) => breach.target === target && breach.cycle === cycle)) return doc;
      return { ...doc, breaches: [...doc.breaches, { target, cycle, breachedAt }] };
    }
    case 'tickets.ticket-merged':
      return { ...doc, status: 'merged' };
  }
}
