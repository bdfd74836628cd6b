import type { AccountEvent, AccountEventOf, MergeSnapshot, RestoredPortion } from './account.events';
import type { Account, AccountState, Draw, Lot, LotFacts, LotOrigin, RedemptionRecord } from './account.types';

/**
 * Folds one account event into the state. Pure and non-mutating: the command handler caches states
 * and the balance projection folds the same function, so a state object is never changed in place.
 */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  if (event.type === 'loyalty.account-enrolled') {
    return state.status === 'none' ? newAccount(event.data.customerId, event.data.enrolledAt) : state;
  }
  if (state.status === 'none') return state;
  return evolveEnrolled(state, event);
}

export function newAccount(customerId: string, enrolledAt: string): Account {
  return {
    status: 'active',
    customerId,
    enrolledAt,
    lots: [],
    debt: 0,
    tier: 'bronze',
    tierFloor: null,
    graceEndsAt: null,
    tierReviewAt: null,
    tierEarnings: [],
    firstEarnedAt: null,
    purchases: [],
    refundIds: [],
    engagements: [],
    partnerEarnings: [],
    adjustmentIds: [],
    redemptions: [],
    transfersOut: [],
    transferInIds: [],
    merges: [],
    mergedInto: null,
    flags: [],
  };
}

function evolveEnrolled(account: Account, event: Exclude<AccountEvent, { type: 'loyalty.account-enrolled' }>): Account {
  switch (event.type) {
    case 'loyalty.points-earned':
      return recordEarning(account, event.data);
    case 'loyalty.debt-repaid':
      return { ...applyDraws(account, [{ lotId: event.data.lotId, points: event.data.points }]), debt: event.data.remainingDebt };
    case 'loyalty.points-unlocked':
      return mapLots(account, [event.data.lotId], (lot) => ({ ...lot, status: 'available' }));
    case 'loyalty.expiry-warning-issued':
      return mapLots(account, event.data.lotIds, (lot) => ({ ...lot, warned: true }));
    case 'loyalty.points-expired':
      return mapLots(account, [event.data.lotId], (lot) => ({ ...lot, remaining: lot.remaining - event.data.points, status: 'expired' }));
    case 'loyalty.points-redeemed':
      return addRedemption(applyDraws(account, event.data.draws), {
        redemptionId: event.data.redemptionId,
        points: event.data.points,
        draws: event.data.draws,
        purpose: event.data.purpose,
        at: event.data.redeemedAt,
        status: 'completed',
      });
    case 'loyalty.redemption-held':
      return addRedemption(applyDraws(account, event.data.draws), {
        redemptionId: event.data.redemptionId,
        points: event.data.points,
        draws: event.data.draws,
        purpose: event.data.purpose,
        at: event.data.heldAt,
        status: 'held',
      });
    case 'loyalty.held-redemption-released':
      return setRedemptionStatus(account, event.data.redemptionId, 'completed');
    case 'loyalty.held-redemption-rejected':
      return setRedemptionStatus(restore(account, event.data.restored), event.data.redemptionId, 'rejected');
    case 'loyalty.redemption-cancelled':
      return setRedemptionStatus(restore(account, event.data.restored), event.data.redemptionId, 'cancelled');
    case 'loyalty.redemption-voided':
      return addRedemption(account, {
        redemptionId: event.data.redemptionId,
        points: 0,
        draws: [],
        purpose: event.data.purpose,
        at: event.data.voidedAt,
        status: 'voided',
      });
    case 'loyalty.points-clawed-back': {
      const { purchaseId, points, refundedAmount, refundedEligibleAmount } = event.data;
      const purchase = account.purchases.find((record) => record.purchaseId === purchaseId);
      const next = applyDraws(account, event.data.draws);
      return {
        ...next,
        debt: next.debt + event.data.debtIncurred,
        refundIds: [...next.refundIds, event.data.refundId],
        purchases: next.purchases.map((record) =>
          record.purchaseId === purchaseId
            ? {
                ...record,
                refundedAmount: record.refundedAmount + refundedAmount,
                refundedEligibleAmount: record.refundedEligibleAmount + refundedEligibleAmount,
                pointsTakenBack: record.pointsTakenBack + points,
              }
            : record,
        ),
        tierEarnings: purchase
          ? next.tierEarnings.map((earning) =>
              earning.lotId === purchase.lotId ? { ...earning, points: Math.max(0, earning.points - points) } : earning,
            )
          : next.tierEarnings,
      };
    }
    case 'loyalty.points-adjusted': {
      const next = event.data.lot ? addLot(account, event.data.lot, 'adjustment') : applyDraws(account, event.data.draws);
      return { ...next, adjustmentIds: [...next.adjustmentIds, event.data.adjustmentId] };
    }
    case 'loyalty.points-transferred-out':
      return {
        ...applyDraws(account, event.data.draws),
        transfersOut: [
          ...account.transfersOut,
          { transferId: event.data.transferId, at: event.data.transferredAt, points: event.data.points },
        ],
      };
    case 'loyalty.points-transferred-in': {
      const next = event.data.lots.reduce((acc, lot) => addLot(acc, lot, 'transfer'), account);
      return { ...next, transferInIds: [...next.transferInIds, event.data.transferId] };
    }
    case 'loyalty.tier-changed':
      return { ...account, tier: event.data.to, graceEndsAt: null };
    case 'loyalty.tier-floor-set':
      return { ...account, tierFloor: event.data.tier };
    case 'loyalty.tier-grace-started':
      return { ...account, graceEndsAt: event.data.graceEndsAt };
    case 'loyalty.tier-grace-ended':
      return { ...account, graceEndsAt: null };
    case 'loyalty.tier-review-scheduled':
      return { ...account, tierReviewAt: event.data.reviewAt };
    case 'loyalty.lots-moved-out':
      return {
        ...removeSnapshot(account, event.data),
        status: 'merged',
        mergedInto: event.data.toCustomerId,
        tierReviewAt: null,
        graceEndsAt: null,
        merges: [
          ...account.merges,
          {
            mergeId: event.data.mergeId,
            role: 'absorbed',
            otherCustomerId: event.data.toCustomerId,
            ...mergedIds(event.data),
            debt: event.data.debt,
            undone: false,
          },
        ],
      };
    case 'loyalty.lots-moved-in':
      return {
        ...addSnapshot(account, event.data),
        merges: [
          ...account.merges,
          {
            mergeId: event.data.mergeId,
            role: 'survivor',
            otherCustomerId: event.data.fromCustomerId,
            ...mergedIds(event.data),
            debt: event.data.debt,
            undone: false,
          },
        ],
      };
    case 'loyalty.merged-lots-returned':
      return markMergeUndone(removeSnapshot(account, event.data), event.data.mergeId);
    case 'loyalty.merged-lots-restored':
      return { ...markMergeUndone(addSnapshot(account, event.data), event.data.mergeId), status: 'active', mergedInto: null };
    case 'loyalty.account-closed':
      return {
        ...account,
        status: 'closed',
        lots: account.lots.map((lot) => (lot.remaining > 0 ? { ...lot, remaining: 0 } : lot)),
        tierReviewAt: null,
        graceEndsAt: null,
      };
    case 'loyalty.fraud-flag-raised':
      return {
        ...account,
        flags: [
          ...account.flags,
          {
            flagId: event.data.flagId,
            reason: event.data.reason,
            details: event.data.details,
            raisedAt: event.data.raisedAt,
            status: 'open',
          },
        ],
      };
    case 'loyalty.fraud-flag-confirmed':
      return {
        ...account,
        flags: account.flags.map((flag) => (flag.flagId === event.data.flagId ? { ...flag, status: 'confirmed' } : flag)),
      };
    case 'loyalty.fraud-flag-cleared':
      return {
        ...account,
        flags: account.flags.map((flag) => (flag.flagId === event.data.flagId ? { ...flag, status: 'cleared' } : flag)),
      };
  }
}

function recordEarning(account: Account, data: AccountEventOf<'loyalty.points-earned'>['data']): Account {
  const { source } = data;
  const next: Account = {
    ...addLot(account, data, source.kind),
    firstEarnedAt: account.firstEarnedAt ?? data.earnedAt,
    tierEarnings: data.countsForTier
      ? [...account.tierEarnings, { lotId: data.lotId, at: data.earnedAt, points: data.points }]
      : account.tierEarnings,
  };
  switch (source.kind) {
    case 'purchase':
      return {
        ...next,
        purchases: [
          ...next.purchases,
          {
            purchaseId: source.purchaseId,
            lotId: data.lotId,
            total: source.total,
            eligibleAmount: source.eligibleAmount,
            eligibleSkus: source.eligibleSkus,
            rate: source.rate,
            points: data.points,
            refundedAmount: 0,
            refundedEligibleAmount: 0,
            pointsTakenBack: 0,
          },
        ],
      };
    case 'engagement':
      return {
        ...next,
        engagements: [...next.engagements, { rule: source.rule, reference: source.reference, at: data.earnedAt, points: data.points }],
      };
    case 'partner':
      return { ...next, partnerEarnings: [...next.partnerEarnings, `${source.partnerId}/${source.reference}`] };
  }
}

function addLot(account: Account, facts: LotFacts, origin: LotOrigin): Account {
  const lot: Lot = {
    lotId: facts.lotId,
    origin,
    points: facts.points,
    remaining: facts.points,
    earnedAt: facts.earnedAt,
    unlockAt: facts.unlockAt,
    expiresAt: facts.expiresAt,
    warnAt: facts.warnAt,
    status: facts.status,
    warned: false,
  };
  return { ...account, lots: [...account.lots, lot] };
}

function mapLots(account: Account, lotIds: readonly string[], change: (lot: Lot) => Lot): Account {
  return { ...account, lots: account.lots.map((lot) => (lotIds.includes(lot.lotId) ? change(lot) : lot)) };
}

function applyDraws(account: Account, draws: readonly Draw[]): Account {
  if (draws.length === 0) return account;
  const taken = new Map<string, number>();
  for (const draw of draws) taken.set(draw.lotId, (taken.get(draw.lotId) ?? 0) + draw.points);
  return {
    ...account,
    lots: account.lots.map((lot) => (taken.has(lot.lotId) ? { ...lot, remaining: lot.remaining - (taken.get(lot.lotId) ?? 0) } : lot)),
  };
}

function restore(account: Account, portions: readonly RestoredPortion[]): Account {
  return portions.reduce(
    (acc, portion) =>
      portion.newLot
        ? addLot(acc, portion.newLot, 'restored')
        : mapLots(acc, [portion.lotId], (lot) => ({ ...lot, remaining: lot.remaining + portion.points })),
    account,
  );
}

function addRedemption(account: Account, record: RedemptionRecord): Account {
  return { ...account, redemptions: [...account.redemptions, record] };
}

function setRedemptionStatus(account: Account, redemptionId: string, status: RedemptionRecord['status']): Account {
  return {
    ...account,
    redemptions: account.redemptions.map((record) => (record.redemptionId === redemptionId ? { ...record, status } : record)),
  };
}

function mergedIds(snapshot: MergeSnapshot) {
  return {
    lotIds: snapshot.lots.map((lot) => lot.lotId),
    purchaseIds: snapshot.purchases.map((purchase) => purchase.purchaseId),
    tierLotIds: snapshot.tierEarnings.map((earning) => earning.lotId),
  };
}

function addSnapshot(account: Account, snapshot: MergeSnapshot): Account {
  return {
    ...account,
    lots: [...account.lots, ...snapshot.lots],
    purchases: [...account.purchases, ...snapshot.purchases],
    tierEarnings: [...account.tierEarnings, ...snapshot.tierEarnings],
    debt: account.debt + snapshot.debt,
  };
}

function removeSnapshot(account: Account, snapshot: MergeSnapshot): Account {
  const ids = mergedIds(snapshot);
  const lotIds = new Set(ids.lotIds);
  const purchaseIds = new Set(ids.purchaseIds);
  const tierLotIds = new Set(ids.tierLotIds);
  return {
    ...account,
    lots: account.lots.filter((lot) => !lotIds.has(lot.lotId)),
    purchases: account.purchases.filter((purchase) => !purchaseIds.has(purchase.purchaseId)),
    tierEarnings: account.tierEarnings.filter((earning) => !tierLotIds.has(earning.lotId)),
    debt: account.debt - snapshot.debt,
  };
}

function markMergeUndone(account: Account, mergeId: string): Account {
  return { ...account, merges: account.merges.map((merge) => (merge.mergeId === mergeId ? { ...merge, undone: true } : merge)) };
}
