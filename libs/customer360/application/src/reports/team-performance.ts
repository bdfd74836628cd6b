import type { CustomerDealDocument } from '@c360/customer360-projections';

/** Per owner in the period: deals won and lost, win rate, won amounts per currency. SLA and CSAT join when tickets and surveys exist. */
export interface TeamPerformance {
  readonly owners: readonly {
    readonly ownerId: string;
    readonly won: number;
    readonly lost: number;
    readonly winRate: number;
    readonly wonAmounts: Readonly<Record<string, number>>;
  }[];
  readonly sla: { readonly tracked: false };
  readonly csat: { readonly tracked: false };
}

export function teamPerformance(closed: readonly CustomerDealDocument[]): TeamPerformance {
  const owners = new Map<string, { won: number; lost: number; wonAmounts: Record<string, number> }>();
  for (const deal of closed) {
    const owner = owners.get(deal.ownerId) ?? { won: 0, lost: 0, wonAmounts: {} };
    if (deal.status === 'won') {
      owner.won++;
      owner.wonAmounts[deal.currency] = (owner.wonAmounts[deal.currency] ?? 0) + deal.amount;
    } else if (deal.status === 'lost') owner.lost++;
    owners.set(deal.ownerId, owner);
  }
  return {
    owners: [...owners.entries()]
      .map(([ownerId, figures]) => ({
        ownerId,
        ...figures,
        winRate: Math.round((10_000 * figures.won) / Math.max(1, figures.won + figures.lost)) / 10_000,
      }))
      .sort((a, b) => b.won - a.won || a.ownerId.localeCompare(b.ownerId)),
    sla: { tracked: false },
    csat: { tracked: false },
  };
}
