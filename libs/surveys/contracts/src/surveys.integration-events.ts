import { FIELDS, TOPICS, defineIntegrationContracts } from '@c360/integration-events';
import type { SurveysEvent } from '@c360/surveys-domain';

/**
 * Integration events the surveys context publishes on `c360.surveys.v1`: invitations sent and answers
 * recorded with their score and category — ids, codes, numbers and instants, never a comment or any
 * other text the customer wrote (that stays sealed in the log).
 */
const { customerId, instant } = FIELDS;
const invitationId = { type: 'string', required: true, description: 'invitation id (UUID): one answer per invitation' } as const;
const kind = { type: 'string', required: true, description: 'nps | csat | custom' } as const;
const campaignId = { type: 'string', description: 'the campaign it belongs to' } as const;
const ticketId = { type: 'string', description: 'the resolved ticket a CSAT survey asks about' } as const;
const templateId = { type: 'string', required: true, description: 'survey template id' } as const;
const templateVersion = { type: 'integer', required: true, description: 'template version it was sent with' } as const;

export const SURVEYS_INTEGRATION_EVENTS = defineIntegrationContracts<SurveysEvent>()([
  {
    type: 'surveys.invitation-sent',
    schemaVersion: 1,
    topic: TOPICS.surveys,
    from: 'surveys.invitation-sent',
    description: 'A survey invitation was sent (consent and survey fatigue checked at send time).',
    key: (event) => event.data.customerId,
    fields: {
      invitationId,
      customerId,
      templateId,
      templateVersion,
      kind,
      channel: { type: 'string', required: true, description: 'email | sms | push' },
      language: { type: 'string', required: true, description: 'language tag of the message' },
      campaignId,
      ticketId,
      sentAt: instant('when'),
      expiresAt: instant('when the answer link expires'),
    },
  },
  {
    type: 'surveys.answer-recorded',
    schemaVersion: 1,
    topic: TOPICS.surveys,
    from: 'surveys.answer-recorded',
    description: 'An invitation was answered: score and category (the comment is not published).',
    key: (event) => event.data.customerId,
    fields: {
      invitationId,
      customerId,
      templateId,
      templateVersion,
      kind,
      score: { type: 'integer', description: 'NPS 0–10 or CSAT 1–5 (absent for custom surveys)' },
      category: { type: 'string', description: 'promoter | passive | detractor (NPS); satisfied | neutral | dissatisfied (CSAT)' },
      followUpRequired: { type: 'boolean', required: true, description: 'a detractor or a CSAT of 1–2: followed up' },
      campaignId,
      ticketId,
      agentId: { type: 'string', description: 'agent of the ticket asked about' },
      teamId: { type: 'string', description: 'team of the ticket asked about' },
      answeredAt: instant('when'),
    },
  },
]);
