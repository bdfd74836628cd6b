import { workflowSpec } from '@c360/kernel/testing';
import { followUpTicketId } from '../tickets-ids';
import { AssignTicket, OpenFollowUpTicket } from '../tickets/ticket.commands';
import { surveyFollowUpsWorkflow } from './survey-follow-ups.workflow';

const spec = workflowSpec(surveyFollowUpsWorkflow);
const ANN = '0190a5c4-0000-7000-8000-00000000c001';
const sealed = { $pii: 'sealed-comment' };
const request = (data: Record<string, unknown>) => ({
  type: 'surveys.follow-up-requested' as const,
  data: {
    invitationId: 'inv-1',
    customerId: ANN,
    kind: 'nps',
    score: 3,
    category: 'detractor',
    requestedAt: '2026-03-02T08:00:00.000Z',
    ...data,
  },
});

describe('tickets: follow-ups surveys request', () => {
  it('an NPS detractor opens one high-priority follow-up carrying the score and the (sealed) comment', () => {
    spec
      .given([])
      .when(request({ comment: sealed }))
      .then([
        {
          step: 'open',
          command: new OpenFollowUpTicket({
            customerId: ANN,
            surveyResponseId: 'inv-1',
            score: 3,
            comment: sealed,
            priority: 'high',
            survey: 'nps',
          }),
        },
      ]);
  });

  it('a low CSAT about a ticket is also assigned to that ticket’s team', () => {
    spec
      .given([])
      .when(request({ kind: 'csat', score: 1, category: 'dissatisfied', teamId: 'billing', ticketId: 't-9' }))
      .thenSteps((steps) => {
        expect(steps.map((step) => step.step)).toEqual(['open', 'assign-team']);
        expect(steps[1].command).toEqual(new AssignTicket(followUpTicketId('inv-1'), { teamId: 'billing' }));
      });
  });

  it('stops on a request that breaks surveys’ contract', () => {
    expect(() =>
      spec
        .given([])
        .when(request({ score: 'low', kind: 'poll' }))
        .thenNothing(),
    ).toThrow(/kind must be nps or csat; score must be an integer/);
  });
});
