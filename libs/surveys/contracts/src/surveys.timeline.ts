import { defineTimeline } from '@c360/kernel';
import type { SurveysSharedEvent } from './surveys.shared-events';

const label = (kind: string) => (kind === 'custom' ? 'survey' : kind.toUpperCase());

/**
 * How survey events read on the customer timeline: invitations and answers with score and category.
 * The comment is the entry's detail, sealed as the log holds it (opened per request, unreadable once
 * the customer is erased).
 */
export const SURVEYS_TIMELINE = defineTimeline<SurveysSharedEvent>()({
  'surveys.invitation-sent': (event) => ({
    customerId: event.data.customerId,
    kind: 'survey',
    summary: `${label(event.data.kind)} survey sent by ${event.data.channel}${event.data.ticketId ? ' after a resolved ticket' : ''}`,
    links: { surveyId: event.data.invitationId, ...(event.data.ticketId ? { ticketId: event.data.ticketId } : {}) },
    at: event.data.sentAt,
  }),
  'surveys.answer-recorded': (event) => ({
    customerId: event.data.customerId,
    kind: 'survey',
    summary:
      event.data.score === undefined
        ? `${label(event.data.kind)} survey answered`
        : `${label(event.data.kind)} answered ${event.data.score}${event.data.category ? ` (${event.data.category})` : ''}`,
    links: { surveyId: event.data.invitationId, ...(event.data.ticketId ? { ticketId: event.data.ticketId } : {}) },
    at: event.data.answeredAt,
    ...(event.data.comment === undefined ? {} : { detail: event.data.comment }),
  }),
});
