import type { LoyaltyDrawContract, LoyaltyLotContract, LoyaltyRestoredContract, LoyaltySharedEvent } from '@c360/loyalty-contracts';
import type { LotFact, LoyaltyFacts } from './customer-facts.document';

/**
 * Folds loyalty's shared account events into the 360's loyalty facts: lots with what is left and
 * their dates, debt, tier, redemptions. Only loyalty decides points; this replays its published
 * outcomes (draws, restores, snapshots) and never re-derives a rule.
 */
export function evolveLoyaltyFacts(facts: LoyaltyFacts | null, event: LoyaltySharedEvent, at: string): LoyaltyFacts | null {
  if (event.type === 'loyalty.account-enrolled') {
    return (
      facts ?? {
        status: 'active',
        enrolledAt: event.data.enrolledAt,
        tier: 'bronze',
        debt: 0,
        lots: [],
        redemptions: 0,
        firstRedemptionAt: null,
        lastRedemptionAt: null,
      }
    );
  }
  if (!facts) return null;
  switch (event.type) {
    case 'loyalty.points-earned':
      return prune(addLots(facts, [event.data]), at);
    case 'loyalty.debt-repaid':
      return { ...draw(facts, [{ lotId: event.data.lotId, points: event.data.points }]), debt: event.data.remainingDebt };
    case 'loyalty.points-unlocked':
      return mapLots(facts, event.data.lotId, (lot) => ({ ...lot, status: 'available' }));
    case 'loyalty.points-expired':
      return prune(
        mapLots(facts, event.data.lotId, (lot) => ({ ...lot, remaining: lot.remaining - event.data.points, status: 'expired' })),
        at,
      );
    case 'loyalty.points-redeemed':
      return redeemed(draw(facts, event.data.draws), event.data.redeemedAt);
    case 'loyalty.redemption-held':
      return draw(facts, event.data.draws);
    case 'loyalty.held-redemption-rejected':
    case 'loyalty.redemption-cancelled':
      return restore(facts, event.data.restored);
    case 'loyalty.points-clawed-back':
      return { ...draw(facts, event.data.draws), debt: facts.debt + event.data.debtIncurred };
    case 'loyalty.points-adjusted':
      return event.data.lot ? addLots(facts, [event.data.lot]) : draw(facts, event.data.draws);
    case 'loyalty.points-transferred-out':
      return draw(facts, event.data.draws);
    case 'loyalty.points-transferred-in':
      return addLots(facts, event.data.lots);
    case 'loyalty.tier-changed':
      return { ...facts, tier: event.data.to };
    case 'loyalty.lots-moved-out':
      return { ...removeLots(facts, event.data.lots), debt: facts.debt - event.data.debt, status: 'merged' };
    case 'loyalty.merged-lots-returned':
      return { ...removeLots(facts, event.data.lots), debt: facts.debt - event.data.debt };
    case 'loyalty.lots-moved-in':
      return { ...addSnapshotLots(facts, event.data.lots), debt: facts.debt + event.data.debt };
    case 'loyalty.merged-lots-restored':
      return { ...addSnapshotLots(facts, event.data.lots), debt: facts.debt + event.data.debt, status: 'active' };
    case 'loyalty.account-closed':
      return { ...facts, status: 'closed', lots: [] };
  }
}

function lotOf(lot: LoyaltyLotContract): LotFact {
  return { lotId: lot.lotId, remaining: lot.points, unlockAt: lot.unlockAt, expiresAt: lot.expiresAt, status: lot.status };
}

function addLots(facts: LoyaltyFacts, lots: readonly LoyaltyLotContract[]): LoyaltyFacts {
  return { ...facts, lots: [...facts.lots, ...lots.map(lotOf)] };
}

function addSnapshotLots(
  facts: LoyaltyFacts,
  lots: readonly (LoyaltyLotContract & { readonly remaining: number; readonly status: LotFact['status'] })[],
): LoyaltyFacts {
  const moved = lots.map((lot) => ({
    lotId: lot.lotId,
    remaining: lot.remaining,
    unlockAt: lot.unlockAt,
    expiresAt: lot.expiresAt,
    status: lot.status,
  }));
  return { ...facts, lots: [...facts.lots, ...moved] };
}

function removeLots(facts: LoyaltyFacts, lots: readonly { readonly lotId: string }[]): LoyaltyFacts {
  const ids = new Set(lots.map((lot) => lot.lotId));
  return { ...facts, lots: facts.lots.filter((lot) => !ids.has(lot.lotId)) };
}

function mapLots(facts: LoyaltyFacts, lotId: string, change: (lot: LotFact) => LotFact): LoyaltyFacts {
  return { ...facts, lots: facts.lots.map((lot) => (lot.lotId === lotId ? change(lot) : lot)) };
}

function draw(facts: LoyaltyFacts, draws: readonly LoyaltyDrawContract[]): LoyaltyFacts {
  if (draws.length === 0) return facts;
  const taken = new Map<string, number>();
  for (const { lotId, points } of draws) taken.set(lotId, (taken.get(lotId) ?? 0) + points);
  return {
    ...facts,
    lots: facts.lots.map((lot) => (taken.has(lot.lotId) ? { ...lot, remaining: lot.remaining - (taken.get(lot.lotId) ?? 0) } : lot)),
  };
}

function restore(facts: LoyaltyFacts, portions: readonly LoyaltyRestoredContract[]): LoyaltyFacts {
  return portions.reduce(
    (acc, portion) =>
      portion.newLot
        ? addLots(acc, [portion.newLot])
        : mapLots(acc, portion.lotId, (lot) => ({ ...lot, remaining: lot.remaining + portion.points })),
    facts,
  );
}

function redeemed(facts: LoyaltyFacts, at: string): LoyaltyFacts {
  return { ...facts, redemptions: facts.redemptions + 1, firstRedemptionAt: facts.firstRedemptionAt ?? at, lastRedemptionAt: at };
}

/**
 * Keeps the document bounded: a lot with nothing left whose expiry has passed (by the event's own
 * time, so a rebuild prunes identically) can never be restored into — loyalty opens a new lot then.
 */
function prune(facts: LoyaltyFacts, at: string): LoyaltyFacts {
  const lots = facts.lots.filter((lot) => lot.remaining > 0 || lot.expiresAt > at);
  return lots.length === facts.lots.length ? facts : { ...facts, lots };
}
