import { DomainError, streamName, type AggregateType, type Decider } from '@c360/kernel';
import type { SurveyKind, SurveyQuestion } from '../template/survey-template';
import { categoryOf, needsFollowUp, type AnswerCategory } from './classification';
import {
  RESPONDENT_EVENT_TYPES,
  type InvitationSubject,
  type QuestionResponse,
  type RespondentEvent,
  type RespondentEventType,
  type SurveyChannel,
  type SurveyPurpose,
} from './respondent.events';

const DAY = 86_400_000;

export interface InvitationState extends InvitationSubject {
  readonly invitationId: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly kind: SurveyKind;
  readonly language: string;
  readonly sentAt: string;
  readonly expiresAt: string;
  readonly answer?: { readonly score?: number; readonly category?: AnswerCategory; readonly answeredAt: string };
  readonly followUp?: {
    readonly requestedAt: string;
    readonly ticketId?: string;
    readonly contactedAt?: string;
    readonly resolvedAt?: string;
  };
}

/** A customer as surveys knows them: every invitation sent and its answer (one stream per customer). */
export interface RespondentState {
  readonly customerId: string | null;
  readonly lastInvitedAt: string | null;
  readonly invitations: Readonly<Record<string, InvitationState>>;
}

export type RespondentCommand =
  | {
      readonly type: 'send-invitation';
      readonly invitationId: string;
      readonly customerId: string;
      readonly template: { readonly templateId: string; readonly version: number; readonly kind: SurveyKind };
      readonly channel: SurveyChannel;
      readonly purpose: SurveyPurpose;
      readonly language: string;
      /** Whether the customer's consent for this channel and purpose is valid now (read through contacts' contract). */
      readonly consentValid: boolean;
      /** Survey fatigue in force for this survey (its own, else the platform default). */
      readonly recontactDays: number;
      /**
       * The latest invitation sent to customers merged into this one, on their own streams (ADR 0014):
       * fatigue counts it as this customer's.
       */
      readonly mergedLastInvitedAt?: string | null;
      readonly subject: InvitationSubject;
      readonly expiresAt: string;
      readonly now: string;
    }
  | {
      readonly type: 'record-answer';
      readonly invitationId: string;
      /** The questions of the template version the invitation was sent with. */
      readonly questions: readonly SurveyQuestion[];
      readonly responses: readonly QuestionResponse[];
      readonly now: string;
    }
  | { readonly type: 'record-follow-up-opened'; readonly invitationId: string; readonly ticketId: string; readonly now: string }
  | { readonly type: 'record-follow-up-contact'; readonly invitationId: string; readonly ticketId: string; readonly now: string }
  | { readonly type: 'record-follow-up-resolved'; readonly invitationId: string; readonly ticketId: string; readonly now: string };

export const SurveysErrors = {
  noConsent: (channel: string, purpose: string) =>
    new DomainError('surveys.no-consent', `The customer has no valid consent for ${channel} (${purpose})`, 'conflict', {
      channel,
      purpose,
    }),
  recontactTooSoon: (lastInvitedAt: string, nextAllowedAt: string) =>
    new DomainError(
      'surveys.recontact-too-soon',
      `The customer was last asked at ${lastInvitedAt}; next from ${nextAllowedAt}`,
      'conflict',
      {
        lastInvitedAt,
        nextAllowedAt,
      },
    ),
  /** Unknown and expired invitations answer the same, so that a guessed token learns nothing. */
  invitationNotFound: () => new DomainError('surveys.invitation-not-found', 'No open invitation for this link', 'not-found'),
  alreadyAnswered: () => new DomainError('surveys.already-answered', 'This invitation has already been answered', 'conflict'),
  invalidAnswer: (field: string, message: string) => new DomainError('surveys.invalid-answer', `${field} ${message}`, 'invalid', { field }),
};

function invitationOf(state: RespondentState, invitationId: string): InvitationState | undefined {
  return state.invitations[invitationId];
}

/** Each response checked against its question; required questions answered; nothing the survey did not ask. */
function checkResponses(questions: readonly SurveyQuestion[], responses: readonly QuestionResponse[]): void {
  const asked = new Map(questions.map((question) => [question.questionId, question]));
  const seen = new Set<string>();
  for (const response of responses) {
    const question = asked.get(response.questionId);
    if (!question) throw SurveysErrors.invalidAnswer(response.questionId, 'is not a question of this survey');
    if (seen.has(response.questionId)) throw SurveysErrors.invalidAnswer(response.questionId, 'is answered twice');
    seen.add(response.questionId);
    const { value } = response;
    if (question.type === 'scale') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < question.min! || value > question.max!) {
        throw SurveysErrors.invalidAnswer(response.questionId, `must be a whole number from ${question.min} to ${question.max}`);
      }
    } else if (question.type === 'choice') {
      if (typeof value !== 'string' || !question.options?.includes(value)) {
        throw SurveysErrors.invalidAnswer(response.questionId, `must be one of ${question.options?.join(', ')}`);
      }
    } else if (typeof value !== 'string' || value.trim().length === 0 || value.length > 5_000) {
      throw SurveysErrors.invalidAnswer(response.questionId, 'must be text of 1 to 5000 characters');
    }
  }
  for (const question of questions) {
    if (question.required && !seen.has(question.questionId)) throw SurveysErrors.invalidAnswer(question.questionId, 'is required');
  }
}

function latest(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null || a >= b ? a : b;
}

function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

function decide(command: RespondentCommand, state: RespondentState): RespondentEvent[] {
  switch (command.type) {
    case 'send-invitation': {
      // The same invitation id (a ticket's CSAT, a campaign's customer) is sent once.
      if (invitationOf(state, command.invitationId)) return [];
      if (!command.consentValid) throw SurveysErrors.noConsent(command.channel, command.purpose);
      const lastInvitedAt = latest(state.lastInvitedAt, command.mergedLastInvitedAt ?? null);
      if (lastInvitedAt && command.recontactDays > 0) {
        const nextAllowed = Date.parse(lastInvitedAt) + command.recontactDays * DAY;
        if (Date.parse(command.now) < nextAllowed) {
          throw SurveysErrors.recontactTooSoon(lastInvitedAt, new Date(nextAllowed).toISOString());
        }
      }
      return [
        {
          type: 'surveys.invitation-sent',
          data: {
            invitationId: command.invitationId,
            customerId: command.customerId,
            templateId: command.template.templateId,
            templateVersion: command.template.version,
            kind: command.template.kind,
            channel: command.channel,
            purpose: command.purpose,
            language: command.language,
            ...command.subject,
            sentAt: command.now,
            expiresAt: command.expiresAt,
          },
        },
      ];
    }
    case 'record-answer': {
      const invitation = invitationOf(state, command.invitationId);
      if (!invitation || Date.parse(command.now) > Date.parse(invitation.expiresAt)) throw SurveysErrors.invitationNotFound();
      if (invitation.answer) throw SurveysErrors.alreadyAnswered();
      checkResponses(command.questions, command.responses);
      const customerId = state.customerId!;
      const value = (id: string) => command.responses.find((response) => response.questionId === id)?.value;
      const score = invitation.kind === 'custom' ? undefined : (value('score') as number);
      const comment = invitation.kind === 'custom' ? undefined : (value('comment') as string | undefined)?.trim();
      const category = categoryOf(invitation.kind, score);
      const followUpRequired = needsFollowUp(category);
      const { campaignId, ticketId, agentId, teamId } = invitation;
      const about = { ...(ticketId ? { ticketId } : {}), ...(agentId ? { agentId } : {}), ...(teamId ? { teamId } : {}) };
      const events: RespondentEvent[] = [
        {
          type: 'surveys.answer-recorded',
          data: {
            invitationId: invitation.invitationId,
            customerId,
            templateId: invitation.templateId,
            templateVersion: invitation.templateVersion,
            kind: invitation.kind,
            ...(score === undefined ? {} : { score }),
            ...(category ? { category } : {}),
            ...(comment ? { comment } : {}),
            ...(invitation.kind === 'custom' ? { responses: command.responses } : {}),
            ...(campaignId ? { campaignId } : {}),
            ...about,
            followUpRequired,
            answeredAt: command.now,
          },
        },
      ];
      if (followUpRequired && score !== undefined && category) {
        events.push({
          type: 'surveys.follow-up-requested',
          data: {
            invitationId: invitation.invitationId,
            customerId,
            kind: invitation.kind,
            score,
            category,
            ...(comment ? { comment } : {}),
            ...about,
            requestedAt: command.now,
          },
        });
      }
      return events;
    }
    case 'record-follow-up-opened': {
      const invitation = invitationOf(state, command.invitationId);
      if (!invitation?.followUp) throw SurveysErrors.invitationNotFound();
      if (invitation.followUp.ticketId) return [];
      return [
        {
          type: 'surveys.follow-up-opened',
          data: {
            invitationId: command.invitationId,
            customerId: state.customerId!,
            followUpTicketId: command.ticketId,
            openedAt: command.now,
          },
        },
      ];
    }
    case 'record-follow-up-contact': {
      const invitation = invitationOf(state, command.invitationId);
      if (!invitation?.followUp || !invitation.answer) throw SurveysErrors.invitationNotFound();
      if (invitation.followUp.contactedAt) return [];
      return [
        {
          type: 'surveys.follow-up-contacted',
          data: {
            invitationId: command.invitationId,
            customerId: state.customerId!,
            followUpTicketId: command.ticketId,
            contactedAt: command.now,
            minutesToFirstContact: minutesBetween(invitation.answer.answeredAt, command.now),
          },
        },
      ];
    }
    case 'record-follow-up-resolved': {
      const invitation = invitationOf(state, command.invitationId);
      if (!invitation?.followUp || !invitation.answer) throw SurveysErrors.invitationNotFound();
      if (invitation.followUp.resolvedAt) return [];
      return [
        {
          type: 'surveys.follow-up-resolved',
          data: {
            invitationId: command.invitationId,
            customerId: state.customerId!,
            followUpTicketId: command.ticketId,
            resolvedAt: command.now,
            minutesToResolution: minutesBetween(invitation.answer.answeredAt, command.now),
          },
        },
      ];
    }
  }
}

function withInvitation(state: RespondentState, invitationId: string, change: (invitation: InvitationState) => InvitationState) {
  const invitation = state.invitations[invitationId];
  return invitation ? { ...state, invitations: { ...state.invitations, [invitationId]: change(invitation) } } : state;
}

function evolve(state: RespondentState, event: RespondentEvent): RespondentState {
  switch (event.type) {
    case 'surveys.invitation-sent': {
      const { invitationId, templateId, templateVersion, kind, language, sentAt, expiresAt, campaignId, ticketId, agentId, teamId } =
        event.data;
      const invitation: InvitationState = {
        invitationId,
        templateId,
        templateVersion,
        kind,
        language,
        sentAt,
        expiresAt,
        campaignId,
        ticketId,
        agentId,
        teamId,
      };
      return {
        customerId: event.data.customerId,
        lastInvitedAt: state.lastInvitedAt && state.lastInvitedAt > sentAt ? state.lastInvitedAt : sentAt,
        invitations: { ...state.invitations, [invitationId]: invitation },
      };
    }
    case 'surveys.answer-recorded': {
      const { score, category, answeredAt } = event.data;
      return withInvitation(state, event.data.invitationId, (invitation) => ({ ...invitation, answer: { score, category, answeredAt } }));
    }
    case 'surveys.follow-up-requested':
      return withInvitation(state, event.data.invitationId, (invitation) => ({
        ...invitation,
        followUp: { requestedAt: event.data.requestedAt },
      }));
    case 'surveys.follow-up-opened':
      return withInvitation(state, event.data.invitationId, (invitation) => ({
        ...invitation,
        followUp: { ...invitation.followUp!, ticketId: event.data.followUpTicketId },
      }));
    case 'surveys.follow-up-contacted':
      return withInvitation(state, event.data.invitationId, (invitation) => ({
        ...invitation,
        followUp: { ...invitation.followUp!, contactedAt: event.data.contactedAt },
      }));
    case 'surveys.follow-up-resolved':
      return withInvitation(state, event.data.invitationId, (invitation) => ({
        ...invitation,
        followUp: { ...invitation.followUp!, resolvedAt: event.data.resolvedAt },
      }));
  }
}

export const respondentDecider: Decider<RespondentCommand, RespondentEvent, RespondentState> = {
  initialState: { customerId: null, lastInvitedAt: null, invitations: {} },
  decide,
  evolve,
};

export function respondentStream(customerId: string): string {
  return streamName('surveys', 'respondent', customerId);
}

/** `surveys-respondent-<customerId>` → the customer id. */
export function surveysCustomerOfStream(streamId: string): string {
  return streamId.slice('surveys-respondent-'.length);
}

export const respondentAggregate: AggregateType<RespondentCommand, RespondentEvent, RespondentState> = {
  name: 'surveys-respondent',
  decider: respondentDecider,
  eventSchemas: Object.fromEntries(RESPONDENT_EVENT_TYPES.map((type) => [type, 1])) as Record<RespondentEventType, number>,
};
