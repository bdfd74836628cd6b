import type { DomainEvent, Workflow, WorkflowStep } from '@c360/kernel';
import { SURVEYS_FOLLOW_UP_REQUESTED, type SurveysFollowUpRequestedContract } from '@c360/surveys-contracts';
import { followUpTicketId } from '../tickets-ids';
import { AssignTicket, OpenFollowUpTicket } from '../tickets/ticket.commands';

export { SURVEYS_FOLLOW_UP_REQUESTED };

export type SurveyFollowUpInput = DomainEvent<typeof SURVEYS_FOLLOW_UP_REQUESTED, unknown>;
export type SurveyFollowUpCommand = OpenFollowUpTicket | AssignTicket;

/** A surveys event that breaks the agreed contract: the workflow stops on it, naming the fields. */
export class SurveysContractError extends Error {
  override readonly name = 'SurveysContractError';
}

interface FollowUpRequest {
  readonly invitationId: string;
  readonly customerId: string;
  readonly kind: 'nps' | 'csat';
  readonly score: number;
  /** Sealed with the customer's key, as surveys' log holds it (the service opens it). */
  readonly comment?: unknown;
  readonly teamId?: string;
}

type Field = keyof SurveysFollowUpRequestedContract;

/** Reads surveys' follow-up request field by field (a field outside the contract fails to compile). */
export function readFollowUpRequested(data: unknown): FollowUpRequest {
  const record = (data !== null && typeof data === 'object' ? data : {}) as Record<Field, unknown>;
  const problems: string[] = [];
  const text = (field: Field) => (typeof record[field] === 'string' && record[field] ? (record[field] as string) : undefined);
  for (const field of ['invitationId', 'customerId'] as const) if (!text(field)) problems.push(`${field} must be a non-empty string`);
  const kind = record.kind;
  if (kind !== 'nps' && kind !== 'csat') problems.push('kind must be nps or csat');
  const score = record.score;
  if (typeof score !== 'number' || !Number.isInteger(score)) problems.push('score must be an integer');
  if (problems.length)
    throw new SurveysContractError(`${SURVEYS_FOLLOW_UP_REQUESTED} does not match the agreed contract: ${problems.join('; ')}`);
  return {
    invitationId: text('invitationId')!,
    customerId: text('customerId')!,
    kind: kind as 'nps' | 'csat',
    score: score as number,
    ...(record.comment === undefined ? {} : { comment: record.comment }),
    ...(text('teamId') ? { teamId: text('teamId') } : {}),
  };
}

/**
 * surveys.follow-up-requested (an NPS detractor, a CSAT of 1–2) → one high-priority follow-up ticket
 * carrying the score and the comment (its id derives from the invitation: one per answer, ADR 0016);
 * for a CSAT about a ticket, assigned to that ticket's team. Tickets owns the reaction: surveys only
 * publishes what happened, and the follow-up ticket's own events tell surveys the outcome.
 */
export const surveyFollowUpsWorkflow: Workflow<SurveyFollowUpInput, SurveyFollowUpCommand> = {
  name: 'tickets-survey-follow-ups',
  handles: [SURVEYS_FOLLOW_UP_REQUESTED],
  initialState: undefined,
  laneOf: (event) => {
    const customerId = (event.data as { customerId?: unknown }).customerId;
    return typeof customerId === 'string' ? `customer:${customerId}` : 'in-event-order';
  },
  decide(event): WorkflowStep<SurveyFollowUpCommand>[] {
    const request = readFollowUpRequested(event.data);
    const steps: WorkflowStep<SurveyFollowUpCommand>[] = [
      {
        step: 'open',
        command: new OpenFollowUpTicket({
          customerId: request.customerId,
          surveyResponseId: request.invitationId,
          score: request.score,
          comment: request.comment,
          priority: 'high',
          survey: request.kind,
        }),
      },
    ];
    if (request.teamId) {
      steps.push({ step: 'assign-team', command: new AssignTicket(followUpTicketId(request.invitationId), { teamId: request.teamId }) });
    }
    return steps;
  },
};
