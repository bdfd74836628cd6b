import type { AccountEvent, Draw, LotFacts, LotOrigin, MergeSnapshot, RestoredPortion } from '@c360/loyalty-domain';
import type { BalanceLot, LoyaltyBalanceDocument } from './loyalty-balance.document';

/** The balance document's facts, before the due dates derived from them and the envelope's version. */
export type BalanceFacts = Omit<
  LoyaltyBalanceDocument,
  'version' | 'updatedAt' | 'nextDueAt' | 'nextUnlockAt' | 'nextExpiryAt' | 'nextWarningAt'
>;

export function enrolledBalance(customerId: string, enrolledAt: string): BalanceFacts {
  return {
    customerId,
    status: 'active',
    mergedInto: null,
    enrolledAt,
    tier: 'bronze',
    tierFloor: null,
    graceEndsAt: null,
    tierReviewAt: null,
    debt: 0,
    lots: [],
    tierEarnings: [],
    purchaseLots: [],
    heldRedemptions: [],
    heldPoints: 0,
    flags: [],
  };
}

/**
 * Folds one account event into the read model's facts: the points and dates of lots, debt, tier,
 * held redemptions and flags — what the balance query and the scheduler need, nothing more.
 */
export function evolveBalance(facts: BalanceFacts, event: Exclude<AccountEvent, { type: 'loyalty.account-enrolled' }>): BalanceFacts {
  switch (event.type) {
    case 'loyalty.points-earned': {
      const { data } = event;
      const next = addLot(facts, data, data.source.kind);
      return {
        ...next,
        tierEarnings: data.countsForTier
          ? [...next.tierEarnings, { lotId: data.lotId, at: data.earnedAt, points: data.points }]
          : next.tierEarnings,
        purchaseLots:
          data.source.kind === 'purchase'
            ? [...next.purchaseLots, { purchaseId: data.source.purchaseId, lotId: data.lotId }]
            : next.purchaseLots,
      };
    }
    case 'loyalty.debt-repaid':
      return { ...draw(facts, [{ lotId: event.data.lotId, points: event.data.points }]), debt: event.data.remainingDebt };
    case 'loyalty.points-unlocked':
      return mapLots(facts, [event.data.lotId], (lot) => ({ ...lot, status: 'available' }));
    case 'loyalty.expiry-warning-issued':
      return mapLots(facts, event.data.lotIds, (lot) => ({ ...lot, warned: true }));
    case 'loyalty.points-expired':
      return mapLots(facts, [event.data.lotId], (lot) => ({ ...lot, remaining: lot.remaining - event.data.points, status: 'expired' }));
    case 'loyalty.points-redeemed':
      return draw(facts, event.data.draws);
    case 'loyalty.redemption-held':
      return hold(draw(facts, event.data.draws), event.data.redemptionId, event.data.points);
    case 'loyalty.held-redemption-released':
      return unhold(facts, event.data.redemptionId);
    case 'loyalty.held-redemption-rejected':
    case 'loyalty.redemption-cancelled':
      return unhold(restore(facts, event.data.restored), event.data.redemptionId);
    case 'loyalty.redemption-voided':
      return facts;
    case 'loyalty.points-clawed-back': {
      const lotId = facts.purchaseLots.find((record) => record.purchaseId === event.data.purchaseId)?.lotId;
      const next = draw(facts, event.data.draws);
      return {
        ...next,
        debt: next.debt + event.data.debtIncurred,
        tierEarnings:
          lotId === undefined
            ? next.tierEarnings
            : next.tierEarnings.map((earning) =>
                earning.lotId === lotId ? { ...earning, points: Math.max(0, earning.points - event.data.points) } : earning,
              ),
      };
    }
    case 'loyalty.points-adjusted':
      return event.data.lot ? addLot(facts, event.data.lot, 'adjustment') : draw(facts, event.data.draws);
    case 'loyalty.points-transferred-out':
      return draw(facts, event.data.draws);
    case 'loyalty.points-transferred-in':
      return event.data.lots.reduce((acc, lot) => addLot(acc, lot, 'transfer'), facts);
    case 'loyalty.tier-changed':
      return { ...facts, tier: event.data.to, graceEndsAt: null };
    case 'loyalty.tier-floor-set':
      return { ...facts, tierFloor: event.data.tier };
    case 'loyalty.tier-grace-started':
      return { ...facts, graceEndsAt: event.data.graceEndsAt };
    case 'loyalty.tier-grace-ended':
      return { ...facts, graceEndsAt: null };
    case 'loyalty.tier-review-scheduled':
      return { ...facts, tierReviewAt: event.data.reviewAt };
    case 'loyalty.lots-moved-out':
      return {
        ...removeSnapshot(facts, event.data),
        status: 'merged',
        mergedInto: event.data.toCustomerId,
        tierReviewAt: null,
        graceEndsAt: null,
      };
    case 'loyalty.lots-moved-in':
      return addSnapshot(facts, event.data);
    case 'loyalty.merged-lots-returned':
      return removeSnapshot(facts, event.data);
    case 'loyalty.merged-lots-restored':
      return { ...addSnapshot(facts, event.data), status: 'active', mergedInto: null };
    case 'loyalty.account-closed':
      return {
        ...facts,
        status: 'closed',
        lots: facts.lots.map((lot) => (lot.remaining > 0 ? { ...lot, remaining: 0 } : lot)),
        tierReviewAt: null,
        graceEndsAt: null,
      };
    case 'loyalty.fraud-flag-raised':
      return {
        ...facts,
        flags: [...facts.flags, { flagId: event.data.flagId, reason: event.data.reason, raisedAt: event.data.raisedAt, status: 'open' }],
      };
    case 'loyalty.fraud-flag-confirmed':
      return { ...facts, flags: facts.flags.map((flag) => (flag.flagId === event.data.flagId ? { ...flag, status: 'confirmed' } : flag)) };
    case 'loyalty.fraud-flag-cleared':
      return { ...facts, flags: facts.flags.map((flag) => (flag.flagId === event.data.flagId ? { ...flag, status: 'cleared' } : flag)) };
  }
}

function addLot(facts: BalanceFacts, lot: LotFacts, origin: LotOrigin): BalanceFacts {
  const added: BalanceLot = {
    lotId: lot.lotId,
    origin,
    points: lot.points,
    remaining: lot.points,
    earnedAt: lot.earnedAt,
    unlockAt: lot.unlockAt,
    expiresAt: lot.expiresAt,
    warnAt: lot.warnAt,
    status: lot.status,
    warned: false,
  };
  return { ...facts, lots: [...facts.lots, added] };
}

function mapLots(facts: BalanceFacts, lotIds: readonly string[], change: (lot: BalanceLot) => BalanceLot): BalanceFacts {
  return { ...facts, lots: facts.lots.map((lot) => (lotIds.includes(lot.lotId) ? change(lot) : lot)) };
}

function draw(facts: BalanceFacts, draws: readonly Draw[]): BalanceFacts {
  if (draws.length === 0) return facts;
  const taken = new Map<string, number>();
  for (const { lotId, points } of draws) taken.set(lotId, (taken.get(lotId) ?? 0) + points);
  return {
    ...facts,
    lots: facts.lots.map((lot) => (taken.has(lot.lotId) ? { ...lot, remaining: lot.remaining - (taken.get(lot.lotId) ?? 0) } : lot)),
  };
}

function restore(facts: BalanceFacts, portions: readonly RestoredPortion[]): BalanceFacts {
  return portions.reduce(
    (acc, portion) =>
      portion.newLot
        ? addLot(acc, portion.newLot, 'restored')
        : mapLots(acc, [portion.lotId], (lot) => ({ ...lot, remaining: lot.remaining + portion.points })),
    facts,
  );
}

function hold(facts: BalanceFacts, redemptionId: string, points: number): BalanceFacts {
  return withHeld(facts, [...facts.heldRedemptions, { redemptionId, points }]);
}

function unhold(facts: BalanceFacts, redemptionId: string): BalanceFacts {
  return withHeld(
    facts,
    facts.heldRedemptions.filter((record) => record.redemptionId !== redemptionId),
  );
}

function withHeld(facts: BalanceFacts, heldRedemptions: BalanceFacts['heldRedemptions']): BalanceFacts {
  return { ...facts, heldRedemptions, heldPoints: heldRedemptions.reduce((sum, record) => sum + record.points, 0) };
}

/** A merge snapshot's lots arrive as the absorbed account had them (ids, dates and what is left kept). */
function addSnapshot(facts: BalanceFacts, snapshot: MergeSnapshot): BalanceFacts {
  const lots: BalanceLot[] = snapshot.lots.map((lot) => ({
    lotId: lot.lotId,
    origin: lot.origin,
    points: lot.points,
    remaining: lot.remaining,
    earnedAt: lot.earnedAt,
    unlockAt: lot.unlockAt,
    expiresAt: lot.expiresAt,
    warnAt: lot.warnAt,
    status: lot.status,
    warned: lot.warned,
  }));
  return {
    ...facts,
    lots: [...facts.lots, ...lots],
    purchaseLots: [
      ...facts.purchaseLots,
      ...snapshot.purchases.map((purchase) => ({ purchaseId: purchase.purchaseId, lotId: purchase.lotId })),
    ],
    tierEarnings: [...facts.tierEarnings, ...snapshot.tierEarnings],
    debt: facts.debt + snapshot.debt,
  };
}

function removeSnapshot(facts: BalanceFacts, snapshot: MergeSnapshot): BalanceFacts {
  const lotIds = new Set(snapshot.lots.map((lot) => lot.lotId));
  const purchaseIds = new Set(snapshot.purchases.map((purchase) => purchase.purchaseId));
  const tierLotIds = new Set(snapshot.tierEarnings.map((earning) => earning.lotId));
  return {
    ...facts,
    lots: facts.lots.filter((lot) => !lotIds.has(lot.lotId)),
    purchaseLots: facts.purchaseLots.filter((purchase) => !purchaseIds.has(purchase.purchaseId)),
    tierEarnings: facts.tierEarnings.filter((earning) => !tierLotIds.has(earning.lotId)),
    debt: facts.debt - snapshot.debt,
  };
}
