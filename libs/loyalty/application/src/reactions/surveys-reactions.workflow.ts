import type { DomainEvent, Workflow, WorkflowStep } from '@c360/kernel';
import { SURVEYS_ANSWER_RECORDED, readAnswerRecorded } from './acl/surveys-events.acl';
import { AwardEngagementBonus } from './reaction.commands';

export type SurveysInput = DomainEvent<typeof SURVEYS_ANSWER_RECORDED, unknown>;

/**
 * surveys.answer-recorded → the survey bonus (rule `survey-answered`, within its caps, enrolling the
 * customer when needed). The invitation id is the bonus's reference: one award per answer, however
 * often the event is delivered or replayed (the account decider refuses a second award for it).
 */
export const surveysReactionsWorkflow: Workflow<SurveysInput, AwardEngagementBonus> = {
  name: 'loyalty-surveys-reactions',
  handles: [SURVEYS_ANSWER_RECORDED],
  initialState: undefined,
  laneOf: (event) => {
    const customerId = (event.data as { customerId?: unknown }).customerId;
    return typeof customerId === 'string' ? `customer:${customerId}` : 'in-event-order';
  },
  decide(event): WorkflowStep<AwardEngagementBonus>[] {
    const answer = readAnswerRecorded(event.data);
    return [{ step: 'survey-bonus', command: new AwardEngagementBonus(answer.customerId, 'survey-answered', answer.invitationId) }];
  },
};
