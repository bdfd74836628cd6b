import type { CustomerTicketDocument } from '@c360/customer360-projections';
import { teamPerformance } from './team-performance';

const ticket = (agentId: string | null, change: Partial<CustomerTicketDocument> = {}): CustomerTicketDocument => ({
  ticketId: `t-${Math.random()}`,
  customerId: 'c-1',
  status: 'resolved',
  priority: 'normal',
  category: null,
  channel: 'email',
  openedAt: '2026-03-01T09:00:00.000Z',
  resolvedAt: '2026-03-02T09:00:00.000Z',
  closedAt: null,
  agentId,
  teamId: agentId ? 'care' : null,
  reopenCount: 0,
  followUp: false,
  deadlines: [],
  breaches: [],
  csat: null,
  ...change,
});
const breach = { target: 'first-response', cycle: '2026-03-01T09:00:00.000Z', breachedAt: '2026-03-01T13:00:00.000Z' };

describe('team performance: support', () => {
  it('counts per agent the tickets resolved within SLA and their CSAT, and the same for everyone', () => {
    const figures = teamPerformance(
      [],
      [
        ticket('ann', { csat: { score: 5, category: 'satisfied', answeredAt: '2026-03-03T00:00:00.000Z' } }),
        ticket('ann', { breaches: [breach], csat: { score: 2, category: 'dissatisfied', answeredAt: '2026-03-03T00:00:00.000Z' } }),
        ticket('ann'),
        ticket('bob', { breaches: [breach] }),
        ticket(null),
      ],
    );
    expect(figures.support).toEqual([
      {
        agentId: 'ann',
        teamId: 'care',
        resolved: 3,
        slaMet: 2,
        slaMetRate: 0.6667,
        csatAnswers: 2,
        csatSatisfiedRate: 0.5,
        csatAverage: 3.5,
      },
      { agentId: null, teamId: null, resolved: 1, slaMet: 1, slaMetRate: 1, csatAnswers: 0, csatSatisfiedRate: null, csatAverage: null },
      { agentId: 'bob', teamId: 'care', resolved: 1, slaMet: 0, slaMetRate: 0, csatAnswers: 0, csatSatisfiedRate: null, csatAverage: null },
    ]);
    expect(figures.sla).toEqual({ tracked: true, resolved: 5, slaMet: 3, slaMetRate: 0.6 });
    expect(figures.csat).toEqual({ tracked: true, answers: 2, satisfiedRate: 0.5, average: 3.5 });
  });

  it('says nothing about CSAT without answers, rather than a zero', () => {
    expect(teamPerformance([], []).csat).toEqual({ tracked: true, answers: 0, satisfiedRate: null, average: null });
  });
});
