import type { AnswerRecorded, FollowUpRequested, InvitationSent } from '@c360/surveys-domain';

/**
 * The part of the surveys log other contexts may react to. Loyalty awards its survey bonus for an
 * answer; tickets opens the follow-up ticket a detractor (or a CSAT of 1–2) requests; the customer
 * 360 read side shows answers on the timeline and the last NPS and CSAT on the 360 document.
 * `comment` is the one personal field here: sealed with the customer's key, exactly as the log holds it,
 * so only a reader that opens sealed values per request (the timeline's detail, the follow-up ticket)
 * ever sees it, and erasure makes it unreadable everywhere.
 */
export const SURVEYS_INVITATION_SENT = 'surveys.invitation-sent' satisfies InvitationSent['type'];
export const SURVEYS_ANSWER_RECORDED = 'surveys.answer-recorded' satisfies AnswerRecorded['type'];
export const SURVEYS_FOLLOW_UP_REQUESTED = 'surveys.follow-up-requested' satisfies FollowUpRequested['type'];

export type SurveysInvitationSentContract = Pick<
  InvitationSent['data'],
  'invitationId' | 'customerId' | 'kind' | 'channel' | 'campaignId' | 'ticketId' | 'sentAt'
>;

export type SurveysAnswerRecordedContract = Pick<
  AnswerRecorded['data'],
  'invitationId' | 'customerId' | 'kind' | 'score' | 'category' | 'comment' | 'ticketId' | 'agentId' | 'teamId' | 'answeredAt'
>;

export type SurveysFollowUpRequestedContract = Pick<
  FollowUpRequested['data'],
  'invitationId' | 'customerId' | 'kind' | 'score' | 'category' | 'comment' | 'ticketId' | 'agentId' | 'teamId' | 'requestedAt'
>;

/** The shared part of the surveys log as an event union, for projections and timelines typed against it. */
export type SurveysSharedEvent =
  | { readonly type: typeof SURVEYS_INVITATION_SENT; readonly data: SurveysInvitationSentContract }
  | { readonly type: typeof SURVEYS_ANSWER_RECORDED; readonly data: SurveysAnswerRecordedContract }
  | { readonly type: typeof SURVEYS_FOLLOW_UP_REQUESTED; readonly data: SurveysFollowUpRequestedContract };
