import type { SurveyKind } from '../template/survey-template';
import type { AnswerCategory } from './classification';

export const SURVEY_CHANNELS = ['email', 'sms', 'push'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
/** Contacts' consent purposes: a survey after support is `service`, a campaign usually `marketing`. */
export const SURVEY_PURPOSES = ['service', 'marketing'] as const;
export type SurveyPurpose = (typeof SURVEY_PURPOSES)[number];

/** What an invitation was sent about (a resolved ticket, with who worked it). */
export interface InvitationSubject {
  readonly campaignId?: string;
  readonly ticketId?: string;
  readonly agentId?: string;
  readonly teamId?: string;
}

export interface InvitationSent {
  readonly type: 'surveys.invitation-sent';
  readonly data: InvitationSubject & {
    readonly invitationId: string;
    readonly customerId: string;
    readonly templateId: string;
    readonly templateVersion: number;
    readonly kind: SurveyKind;
    readonly channel: SurveyChannel;
    readonly purpose: SurveyPurpose;
    /** The language the message is written in (the customer's preferred one when the template has it). */
    readonly language: string;
    readonly sentAt: string;
    readonly expiresAt: string;
  };
}

/** One custom question's answer: a number for a scale, a code for a choice, free text (personal). */
export interface QuestionResponse {
  readonly questionId: string;
  readonly value: string | number;
}

export interface AnswerRecorded {
  readonly type: 'surveys.answer-recorded';
  readonly data: InvitationSubject & {
    readonly invitationId: string;
    readonly customerId: string;
    readonly templateId: string;
    readonly templateVersion: number;
    readonly kind: SurveyKind;
    readonly score?: number;
    readonly category?: AnswerCategory;
    /** personal: what the customer wrote. */
    readonly comment?: string;
    /** personal: a custom survey's answers (free text among them). */
    readonly responses?: readonly QuestionResponse[];
    readonly followUpRequired: boolean;
    readonly answeredAt: string;
  };
}

/** A detractor or a low CSAT: supervisors are alerted and a follow-up ticket is opened (ADR 0016). */
export interface FollowUpRequested {
  readonly type: 'surveys.follow-up-requested';
  readonly data: Omit<InvitationSubject, 'campaignId'> & {
    readonly invitationId: string;
    readonly customerId: string;
    readonly kind: SurveyKind;
    readonly score: number;
    readonly category: AnswerCategory;
    /** personal, as on the answer. */
    readonly comment?: string;
    readonly requestedAt: string;
  };
}

export interface FollowUpOpened {
  readonly type: 'surveys.follow-up-opened';
  readonly data: {
    readonly invitationId: string;
    readonly customerId: string;
    readonly followUpTicketId: string;
    readonly openedAt: string;
  };
}

export interface FollowUpContacted {
  readonly type: 'surveys.follow-up-contacted';
  readonly data: {
    readonly invitationId: string;
    readonly customerId: string;
    readonly followUpTicketId: string;
    readonly contactedAt: string;
    /** From the answer to the first agent reply on the follow-up ticket. */
    readonly minutesToFirstContact: number;
  };
}

export interface FollowUpResolved {
  readonly type: 'surveys.follow-up-resolved';
  readonly data: {
    readonly invitationId: string;
    readonly customerId: string;
    readonly followUpTicketId: string;
    readonly resolvedAt: string;
    /** From the answer to the follow-up ticket's (first) resolution. */
    readonly minutesToResolution: number;
  };
}

export type RespondentEvent = InvitationSent | AnswerRecorded | FollowUpRequested | FollowUpOpened | FollowUpContacted | FollowUpResolved;
export type RespondentEventType = RespondentEvent['type'];

export const RESPONDENT_EVENT_TYPES = [
  'surveys.invitation-sent',
  'surveys.answer-recorded',
  'surveys.follow-up-requested',
  'surveys.follow-up-opened',
  'surveys.follow-up-contacted',
  'surveys.follow-up-resolved',
] as const satisfies readonly RespondentEventType[];
