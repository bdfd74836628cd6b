import { workflowSpec } from '@c360/kernel/testing';
import { RecordFollowUpOutcome, SendTicketCsat } from './reaction.commands';
import { ticketReactionsWorkflow, type TicketInput } from './ticket-reactions.workflow';

const spec = workflowSpec(ticketReactionsWorkflow);
const ANN = '0190a5c4-0000-7000-8000-00000000c001';
const AT = '2026-03-02T08:00:00.000Z';
const opened = (followUp?: { surveyResponseId: string; score: number }): TicketInput => ({
  type: 'tickets.ticket-opened',
  data: { ticketId: 't-1', customerId: ANN, channel: 'email', priority: 'normal', openedAt: AT, ...(followUp ? { followUp } : {}) },
});
const reply = (author: 'agent' | 'customer'): TicketInput => ({
  type: 'tickets.reply-added',
  data: { ticketId: 't-1', customerId: ANN, author, agentId: 'agent-bo', teamId: 'billing', repliedAt: AT },
});
const resolved: TicketInput = {
  type: 'tickets.ticket-resolved',
  data: { ticketId: 't-1', customerId: ANN, agentId: 'agent-bo', teamId: 'billing', resolvedAt: AT, reopenCount: 0 },
};

describe('surveys: reactions to tickets', () => {
  it('a ticket an agent replied to sends one CSAT survey for it when resolved', () => {
    spec
      .given([opened(), reply('agent')])
      .when(resolved)
      .then([{ step: 'csat', command: new SendTicketCsat({ ticketId: 't-1', customerId: ANN, agentId: 'agent-bo', teamId: 'billing' }) }]);
  });

  it('a ticket closed without an agent reply is not surveyed (a customer reply does not count)', () => {
    spec
      .given([opened(), reply('customer')])
      .when(resolved)
      .thenNothing();
  });

  it('a follow-up ticket records its outcome on the answer and is not surveyed itself', () => {
    const followUp = opened({ surveyResponseId: 'inv-1', score: 3 });
    const target = { customerId: ANN, invitationId: 'inv-1', ticketId: 't-1', at: AT };
    spec
      .given([])
      .when(followUp)
      .then([{ step: 'follow-up-opened', command: new RecordFollowUpOutcome('opened', target) }]);
    spec
      .given([followUp])
      .when(reply('agent'))
      .then([{ step: 'follow-up-contacted', command: new RecordFollowUpOutcome('contacted', target) }]);
    spec
      .given([followUp, reply('agent')])
      .when(reply('agent'))
      .thenNothing();
    spec
      .given([followUp, reply('agent')])
      .when(resolved)
      .then([{ step: 'follow-up-resolved', command: new RecordFollowUpOutcome('resolved', target) }]);
  });

  it('stops on an event that breaks tickets’ contract, naming the fields', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'tickets.ticket-resolved', data: { ticketId: 't-1' } })
        .thenNothing(),
    ).toThrow(/customerId must be a non-empty string; resolvedAt must be a non-empty string/);
  });
});
