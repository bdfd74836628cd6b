import { classifyEventFields } from '@c360/kernel';
import type { SurveysEvent } from './surveys-events';

const subject = { campaignId: 'plain', ticketId: 'plain', agentId: 'plain', teamId: 'plain' } as const;
const content = { name: 'plain', defaultLanguage: 'plain', questions: 'plain', messages: 'plain' } as const;

/**
 * Every text field of every surveys event, personal or plain (GUIDE "Privacy", ADR 0013). What a
 * customer wrote — an NPS or CSAT comment, a custom survey's answers — is sealed with the customer's
 * key: erased with it, exported with the rest. Scores, categories, ids, channels, languages and
 * instants are business facts; templates and campaigns hold the company's own words.
 */
export const surveysEventFields = classifyEventFields<SurveysEvent>()({
  'surveys.template-defined': {
    fields: { templateId: 'plain', kind: 'plain', definedAt: 'plain', definedBy: 'plain', ...content },
  },
  'surveys.template-revised': {
    fields: { templateId: 'plain', kind: 'plain', revisedAt: 'plain', revisedBy: 'plain', ...content },
  },
  'surveys.campaign-created': {
    fields: {
      campaignId: 'plain',
      name: 'plain',
      templateId: 'plain',
      channel: 'plain',
      purpose: 'plain',
      customerIds: 'plain',
      segmentId: 'plain',
      createdAt: 'plain',
      createdBy: 'plain',
    },
  },
  'surveys.campaign-audience-resolved': {
    fields: { campaignId: 'plain', segmentId: 'plain', customerIds: 'plain', resolvedAt: 'plain' },
  },
  'surveys.campaign-launched': {
    fields: { campaignId: 'plain', launchedAt: 'plain', launchedBy: 'plain', skipped: 'plain' },
  },
  'surveys.invitation-sent': {
    fields: {
      invitationId: 'plain',
      customerId: 'plain',
      templateId: 'plain',
      kind: 'plain',
      channel: 'plain',
      purpose: 'plain',
      language: 'plain',
      sentAt: 'plain',
      expiresAt: 'plain',
      ...subject,
    },
  },
  'surveys.answer-recorded': {
    subject: 'customerId',
    fields: {
      invitationId: 'plain',
      customerId: 'plain',
      templateId: 'plain',
      kind: 'plain',
      category: 'plain',
      comment: 'personal',
      responses: 'personal',
      answeredAt: 'plain',
      ...subject,
    },
  },
  'surveys.follow-up-requested': {
    subject: 'customerId',
    fields: {
      invitationId: 'plain',
      customerId: 'plain',
      kind: 'plain',
      category: 'plain',
      comment: 'personal',
      requestedAt: 'plain',
      ticketId: 'plain',
      agentId: 'plain',
      teamId: 'plain',
    },
  },
  'surveys.follow-up-opened': {
    fields: { invitationId: 'plain', customerId: 'plain', followUpTicketId: 'plain', openedAt: 'plain' },
  },
  'surveys.follow-up-contacted': {
    fields: { invitationId: 'plain', customerId: 'plain', followUpTicketId: 'plain', contactedAt: 'plain' },
  },
  'surveys.follow-up-resolved': {
    fields: { invitationId: 'plain', customerId: 'plain', followUpTicketId: 'plain', resolvedAt: 'plain' },
  },
});
