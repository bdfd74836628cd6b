import type { AccountEventOf, AccountEventType, Draw, LotFacts, MergeSnapshot, RestoredPortion } from '@c360/loyalty-domain';

/**
 * The part of loyalty's account log other contexts may read (the customer 360 read side): points,
 * lots with their dates, tiers and redemptions — ids, points and instants only (loyalty events hold
 * no personal data). Account events name their customer by stream: `loyalty-account-<customerId>`.
 */
export const LOYALTY_ACCOUNT_STREAM_PREFIX = 'loyalty-account-';

/** The customer of an account event. */
export function loyaltyCustomerOfStream(streamId: string): string {
  if (!streamId.startsWith(LOYALTY_ACCOUNT_STREAM_PREFIX)) throw new TypeError(`"${streamId}" is not a loyalty account stream`);
  return streamId.slice(LOYALTY_ACCOUNT_STREAM_PREFIX.length);
}

type Data<T extends AccountEventType> = AccountEventOf<T>['data'];

export type LoyaltyLotContract = Pick<LotFacts, 'lotId' | 'points' | 'earnedAt' | 'unlockAt' | 'expiresAt' | 'status'>;
export type LoyaltyDrawContract = Pick<Draw, 'lotId' | 'points'>;
export type LoyaltyRestoredContract = Pick<RestoredPortion, 'lotId' | 'points'> & { readonly newLot: LoyaltyLotContract | null };
export type LoyaltySnapshotContract = Pick<MergeSnapshot, 'debt'> & {
  readonly lots: readonly (LoyaltyLotContract & { readonly remaining: number; readonly status: 'pending' | 'available' | 'expired' })[];
};

export interface LoyaltyContractEvents {
  'loyalty.account-enrolled': Pick<Data<'loyalty.account-enrolled'>, 'customerId' | 'enrolledAt' | 'source'>;
  'loyalty.points-earned': LoyaltyLotContract &
    Pick<Data<'loyalty.points-earned'>, 'customerId'> & {
      readonly source: Pick<Data<'loyalty.points-earned'>['source'], 'kind'>;
    };
  'loyalty.debt-repaid': Pick<Data<'loyalty.debt-repaid'>, 'lotId' | 'points' | 'remainingDebt'>;
  'loyalty.points-unlocked': Pick<Data<'loyalty.points-unlocked'>, 'lotId' | 'points' | 'unlockedAt'>;
  'loyalty.points-expired': Pick<Data<'loyalty.points-expired'>, 'lotId' | 'points' | 'expiredAt'>;
  'loyalty.points-redeemed': Pick<Data<'loyalty.points-redeemed'>, 'redemptionId' | 'points' | 'purpose' | 'redeemedAt'> & {
    readonly draws: readonly LoyaltyDrawContract[];
  };
  'loyalty.redemption-held': Pick<Data<'loyalty.redemption-held'>, 'redemptionId' | 'points' | 'purpose' | 'heldAt'> & {
    readonly draws: readonly LoyaltyDrawContract[];
  };
  'loyalty.held-redemption-rejected': Pick<Data<'loyalty.held-redemption-rejected'>, 'redemptionId' | 'points' | 'rejectedAt'> & {
    readonly restored: readonly LoyaltyRestoredContract[];
  };
  'loyalty.redemption-cancelled': Pick<Data<'loyalty.redemption-cancelled'>, 'redemptionId' | 'points' | 'purpose' | 'cancelledAt'> & {
    readonly restored: readonly LoyaltyRestoredContract[];
  };
  'loyalty.points-clawed-back': Pick<
    Data<'loyalty.points-clawed-back'>,
    'refundId' | 'purchaseId' | 'points' | 'debtIncurred' | 'clawedBackAt'
  > & {
    readonly draws: readonly LoyaltyDrawContract[];
  };
  'loyalty.points-adjusted': Pick<Data<'loyalty.points-adjusted'>, 'adjustmentId' | 'points' | 'reason' | 'adjustedAt'> & {
    readonly lot: LoyaltyLotContract | null;
    readonly draws: readonly LoyaltyDrawContract[];
  };
  'loyalty.points-transferred-out': Pick<
    Data<'loyalty.points-transferred-out'>,
    'transferId' | 'toCustomerId' | 'points' | 'transferredAt'
  > & {
    readonly draws: readonly LoyaltyDrawContract[];
  };
  'loyalty.points-transferred-in': Pick<Data<'loyalty.points-transferred-in'>, 'transferId' | 'fromCustomerId' | 'points'> & {
    readonly lots: readonly LoyaltyLotContract[];
  };
  'loyalty.tier-changed': Pick<Data<'loyalty.tier-changed'>, 'from' | 'to' | 'reason' | 'changedAt'>;
  'loyalty.lots-moved-out': LoyaltySnapshotContract & Pick<Data<'loyalty.lots-moved-out'>, 'mergeId' | 'toCustomerId' | 'movedAt'>;
  'loyalty.lots-moved-in': LoyaltySnapshotContract & Pick<Data<'loyalty.lots-moved-in'>, 'mergeId' | 'fromCustomerId' | 'movedAt'>;
  'loyalty.merged-lots-returned': LoyaltySnapshotContract &
    Pick<Data<'loyalty.merged-lots-returned'>, 'mergeId' | 'toCustomerId' | 'returnedAt'>;
  'loyalty.merged-lots-restored': LoyaltySnapshotContract &
    Pick<Data<'loyalty.merged-lots-restored'>, 'mergeId' | 'fromCustomerId' | 'restoredAt'>;
  'loyalty.account-closed': Pick<Data<'loyalty.account-closed'>, 'reason' | 'forfeitedPoints' | 'closedAt'>;
}

export type LoyaltySharedEventType = keyof LoyaltyContractEvents;

/** The shared part of loyalty's log as an event union, for projections and timelines typed against it. */
export type LoyaltySharedEvent = {
  [K in LoyaltySharedEventType]: { readonly type: K; readonly data: LoyaltyContractEvents[K] };
}[LoyaltySharedEventType];

export const LOYALTY_SHARED_EVENT_TYPES = [
  'loyalty.account-enrolled',
  'loyalty.points-earned',
  'loyalty.debt-repaid',
  'loyalty.points-unlocked',
  'loyalty.points-expired',
  'loyalty.points-redeemed',
  'loyalty.redemption-held',
  'loyalty.held-redemption-rejected',
  'loyalty.redemption-cancelled',
  'loyalty.points-clawed-back',
  'loyalty.points-adjusted',
  'loyalty.points-transferred-out',
  'loyalty.points-transferred-in',
  'loyalty.tier-changed',
  'loyalty.lots-moved-out',
  'loyalty.lots-moved-in',
  'loyalty.merged-lots-returned',
  'loyalty.merged-lots-restored',
  'loyalty.account-closed',
] as const satisfies readonly LoyaltySharedEventType[];
