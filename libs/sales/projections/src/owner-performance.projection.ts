import type { DocumentProjection } from '@c360/kernel';
import { type DealEvent } from '@c360/sales-domain';

export interface OwnerPerformanceDocument {
  readonly ownerId: string;
  readonly openDeals: number;
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost), 0 before the first close; kept for sorting. */
  readonly winRate: number;
  /** Σ time from open to won over won deals. */
  readonly totalCycleTimeMs: number;
  readonly averageCycleTimeMs: number | null;
  /** Won amounts per currency. */
  readonly wonAmounts: Readonly<Record<string, number>>;
}

const empty = (ownerId: string): OwnerPerformanceDocument => ({
  ownerId,
  openDeals: 0,
  won: 0,
  lost: 0,
  winRate: 0,
  totalCycleTimeMs: 0,
  averageCycleTimeMs: null,
  wonAmounts: {},
});

function derive(doc: OwnerPerformanceDocument): OwnerPerformanceDocument {
  const closed = doc.won + doc.lost;
  return {
    ...doc,
    winRate: closed === 0 ? 0 : Math.round((doc.won / closed) * 10_000) / 10_000,
    averageCycleTimeMs: doc.won === 0 ? null : Math.round(doc.totalCycleTimeMs / doc.won),
  };
}

function addAmount(amounts: Readonly<Record<string, number>>, currency: string, amount: number): Record<string, number> {
  const { [currency]: before = 0, ...others } = amounts;
  return before + amount === 0 ? others : { ...others, [currency]: before + amount };
}

/**
 * Per owner (agent): open deals, won, lost, win rate and average cycle time from open to won. A deal
 * counts for the owner it had when it closed; a reopen takes the close back.
 */
type OwnerEvent = Extract<DealEvent, { type: (typeof OWNER_EVENTS)[number] }>;
const OWNER_EVENTS = ['sales.deal-opened', 'sales.deal-owner-changed', 'sales.deal-won', 'sales.deal-lost', 'sales.deal-reopened'] as const;

export const ownerPerformanceProjection: DocumentProjection<OwnerPerformanceDocument, OwnerEvent> = {
  name: 'sales-owner-performance',
  version: 1,
  handles: OWNER_EVENTS,
  indexes: [{ fields: ['won'] }],
  documentIds(event) {
    if (event.type === 'sales.deal-owner-changed') return [event.data.previousOwnerId, event.data.ownerId];
    return [event.data.ownerId];
  },
  evolve(doc, event, ownerId) {
    const current = doc ?? empty(ownerId);
    switch (event.type) {
      case 'sales.deal-opened':
        return { ...current, openDeals: current.openDeals + 1 };
      case 'sales.deal-owner-changed':
        return { ...current, openDeals: current.openDeals + (ownerId === event.data.ownerId ? 1 : -1) };
      case 'sales.deal-won':
        return derive({
          ...current,
          openDeals: current.openDeals - 1,
          won: current.won + 1,
          totalCycleTimeMs: current.totalCycleTimeMs + event.data.cycleTimeMs,
          wonAmounts: addAmount(current.wonAmounts, event.data.currency, event.data.amount),
        });
      case 'sales.deal-lost':
        return derive({ ...current, openDeals: current.openDeals - 1, lost: current.lost + 1 });
      case 'sales.deal-reopened': {
        const d = event.data;
        const reopened = { ...current, openDeals: current.openDeals + 1 };
        return derive(
          d.previousOutcome === 'won'
            ? {
                ...reopened,
                won: reopened.won - 1,
                totalCycleTimeMs: reopened.totalCycleTimeMs - d.previousCycleTimeMs,
                wonAmounts: addAmount(reopened.wonAmounts, d.currency, -d.amount),
              }
            : { ...reopened, lost: reopened.lost - 1 },
        );
      }
      default:
        return current;
    }
  },
};
