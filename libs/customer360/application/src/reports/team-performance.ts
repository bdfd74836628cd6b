import type { CustomerDealDocument, CustomerTicketDocument } from '@c360/customer360-projections';

interface SupportFigures {
  /** Tickets resolved in the period. */
  readonly resolved: number;
  /** Of those, resolved without missing an SLA target. */
  readonly slaMet: number;
  readonly slaMetRate: number;
  /** CSAT answers about those tickets, the share surveys counted satisfied and the average score (1–5). */
  readonly csatAnswers: number;
  readonly csatSatisfiedRate: number | null;
  readonly csatAverage: number | null;
}

/** Per owner in the period: deals won and lost, win rate, won amounts; per agent: tickets resolved within SLA and their CSAT. */
export interface TeamPerformance {
  readonly owners: readonly {
    readonly ownerId: string;
    readonly won: number;
    readonly lost: number;
    readonly winRate: number;
    readonly wonAmounts: Readonly<Record<string, number>>;
  }[];
  readonly support: readonly ({ readonly agentId: string | null; readonly teamId: string | null } & SupportFigures)[];
  readonly sla: { readonly tracked: true; readonly resolved: number; readonly slaMet: number; readonly slaMetRate: number };
  readonly csat: {
    readonly tracked: true;
    readonly answers: number;
    readonly satisfiedRate: number | null;
    readonly average: number | null;
  };
}

const rate = (part: number, whole: number) => Math.round((10_000 * part) / Math.max(1, whole)) / 10_000;

export function teamPerformance(closed: readonly CustomerDealDocument[], resolved: readonly CustomerTicketDocument[]): TeamPerformance {
  const owners = new Map<string, { won: number; lost: number; wonAmounts: Record<string, number> }>();
  for (const deal of closed) {
    const owner = owners.get(deal.ownerId) ?? { won: 0, lost: 0, wonAmounts: {} };
    if (deal.status === 'won') {
      owner.won++;
      owner.wonAmounts[deal.currency] = (owner.wonAmounts[deal.currency] ?? 0) + deal.amount;
    } else if (deal.status === 'lost') owner.lost++;
    owners.set(deal.ownerId, owner);
  }
  const agents = new Map<string, { agentId: string | null; teamId: string | null; tickets: CustomerTicketDocument[] }>();
  for (const ticket of resolved) {
    const key = `${ticket.agentId ?? ''}\u0000${ticket.teamId ?? ''}`;
    const agent = agents.get(key) ?? { agentId: ticket.agentId, teamId: ticket.teamId, tickets: [] };
    agent.tickets.push(ticket);
    agents.set(key, agent);
  }
  const all = support(resolved);
  return {
    owners: [...owners.entries()]
      .map(([ownerId, figures]) => ({ ownerId, ...figures, winRate: rate(figures.won, figures.won + figures.lost) }))
      .sort((a, b) => b.won - a.won || a.ownerId.localeCompare(b.ownerId)),
    support: [...agents.values()]
      .map(({ agentId, teamId, tickets }) => ({ agentId, teamId, ...support(tickets) }))
      .sort((a, b) => b.resolved - a.resolved || (a.agentId ?? '').localeCompare(b.agentId ?? '')),
    sla: { tracked: true, resolved: all.resolved, slaMet: all.slaMet, slaMetRate: all.slaMetRate },
    csat: { tracked: true, answers: all.csatAnswers, satisfiedRate: all.csatSatisfiedRate, average: all.csatAverage },
  };
}

function support(tickets: readonly CustomerTicketDocument[]): SupportFigures {
  const slaMet = tickets.filter((ticket) => ticket.breaches.length === 0).length;
  const answers = tickets.flatMap((ticket) => (ticket.csat ? [ticket.csat] : []));
  const satisfied = answers.filter((answer) => answer.category === 'satisfied').length;
  return {
    resolved: tickets.length,
    slaMet,
    slaMetRate: rate(slaMet, tickets.length),
    csatAnswers: answers.length,
    csatSatisfiedRate: answers.length ? rate(satisfied, answers.length) : null,
    csatAverage: answers.length ? Math.round((100 * answers.reduce((sum, answer) => sum + answer.score, 0)) / answers.length) / 100 : null,
  };
}
