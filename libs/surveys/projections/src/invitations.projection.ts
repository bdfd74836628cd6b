import type { DocumentProjection } from '@c360/kernel';
import type { AnswerCategory, RespondentEvent, SurveyChannel, SurveyKind } from '@c360/surveys-domain';

export type FollowUpStatus = 'requested' | 'opened' | 'contacted' | 'resolved';

/** The follow-up of a detractor or a low CSAT: the alert supervisors see, and its outcome. */
export interface FollowUpView {
  readonly status: FollowUpStatus;
  readonly requestedAt: string;
  readonly ticketId: string | null;
  readonly contactedAt: string | null;
  readonly minutesToFirstContact: number | null;
  readonly resolvedAt: string | null;
  readonly minutesToResolution: number | null;
}

/**
 * One invitation and its answer: what the customer's profile shows, what the outbox was asked to
 * deliver, and the rows every report counts. `comment` and `responses` stay sealed as the log holds
 * them (queries open them per request).
 */
export interface InvitationDocument {
  readonly invitationId: string;
  readonly customerId: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly kind: SurveyKind;
  readonly channel: SurveyChannel;
  readonly language: string;
  readonly campaignId: string | null;
  readonly ticketId: string | null;
  readonly agentId: string | null;
  readonly teamId: string | null;
  readonly sentAt: string;
  readonly expiresAt: string;
  readonly status: 'sent' | 'answered';
  readonly score: number | null;
  readonly category: AnswerCategory | null;
  readonly comment: unknown;
  readonly responses: unknown;
  readonly answeredAt: string | null;
  readonly followUp: FollowUpView | null;
  /** `requested` / `opened` / `contacted` while the alert is open; `resolved` after; `none` without one. */
  readonly followUpStatus: FollowUpStatus | 'none';
}

function withFollowUp(
  doc: InvitationDocument | null,
  change: Partial<FollowUpView> & { status: FollowUpStatus },
): InvitationDocument | null {
  if (!doc?.followUp) return doc;
  return { ...doc, followUp: { ...doc.followUp, ...change }, followUpStatus: change.status };
}

export const invitationsProjection: DocumentProjection<InvitationDocument, RespondentEvent> = {
  name: 'surveys-invitations',
  version: 1,
  handles: [
    'surveys.invitation-sent',
    'surveys.answer-recorded',
    'surveys.follow-up-requested',
    'surveys.follow-up-opened',
    'surveys.follow-up-contacted',
    'surveys.follow-up-resolved',
  ],
  indexes: [
    { fields: ['customerId', 'sentAt'] },
    { fields: ['campaignId'] },
    { fields: ['kind', 'answeredAt'] },
    { fields: ['followUpStatus', 'answeredAt'] },
  ],
  documentIds: (event) => [event.data.invitationId],
  evolve(doc, event) {
    switch (event.type) {
      case 'surveys.invitation-sent': {
        const d = event.data;
        return {
          invitationId: d.invitationId,
          customerId: d.customerId,
          templateId: d.templateId,
          templateVersion: d.templateVersion,
          kind: d.kind,
          channel: d.channel,
          language: d.language,
          campaignId: d.campaignId ?? null,
          ticketId: d.ticketId ?? null,
          agentId: d.agentId ?? null,
          teamId: d.teamId ?? null,
          sentAt: d.sentAt,
          expiresAt: d.expiresAt,
          status: 'sent',
          score: null,
          category: null,
          comment: null,
          responses: null,
          answeredAt: null,
          followUp: null,
          followUpStatus: 'none',
        };
      }
      case 'surveys.answer-recorded': {
        if (!doc) return doc;
        const d = event.data;
        return {
          ...doc,
          status: 'answered',
          score: d.score ?? null,
          category: d.category ?? null,
          comment: d.comment ?? null,
          responses: d.responses ?? null,
          answeredAt: d.answeredAt,
        };
      }
      case 'surveys.follow-up-requested':
        if (!doc) return doc;
        return {
          ...doc,
          followUp: {
            status: 'requested',
            requestedAt: event.data.requestedAt,
            ticketId: null,
            contactedAt: null,
            minutesToFirstContact: null,
            resolvedAt: null,
            minutesToResolution: null,
          },
          followUpStatus: 'requested',
        };
      case 'surveys.follow-up-opened':
        return withFollowUp(doc, { status: doc?.followUp?.contactedAt ? 'contacted' : 'opened', ticketId: event.data.followUpTicketId });
      case 'surveys.follow-up-contacted':
        return withFollowUp(doc, {
          status: doc?.followUp?.resolvedAt ? 'resolved' : 'contacted',
          contactedAt: event.data.contactedAt,
          minutesToFirstContact: event.data.minutesToFirstContact,
        });
      case 'surveys.follow-up-resolved':
        return withFollowUp(doc, {
          status: 'resolved',
          resolvedAt: event.data.resolvedAt,
          minutesToResolution: event.data.minutesToResolution,
        });
    }
  },
};
