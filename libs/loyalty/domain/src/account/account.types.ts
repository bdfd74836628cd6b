import type { EngagementAward } from '../rules/engagement-rule';
import type { EarnedPurchase } from '../rules/spend-rule';
import type { TierName } from '../shared/tiers';

/**
 * A lot: one earning, tracked until it is spent, expires or is taken back. `points` is what was
 * credited, `remaining` what is left. Pending lots are not spendable before `unlockAt`; a lot's
 * points are no longer valid from `expiresAt` on (the first invalid instant).
 */
export interface Lot {
  readonly lotId: string;
  readonly origin: LotOrigin;
  readonly points: number;
  readonly remaining: number;
  readonly earnedAt: string;
  readonly unlockAt: string;
  readonly expiresAt: string;
  /** When the expiry warning for this lot is due. */
  readonly warnAt: string;
  readonly status: 'pending' | 'available' | 'expired';
  readonly warned: boolean;
}

export type LotOrigin = 'purchase' | 'engagement' | 'partner' | 'adjustment' | 'transfer' | 'restored' | 'merge';

/** The dates of a new lot, as events carry them. */
export interface LotFacts {
  readonly lotId: string;
  readonly points: number;
  readonly earnedAt: string;
  readonly unlockAt: string;
  readonly expiresAt: string;
  readonly warnAt: string;
  readonly status: 'pending' | 'available';
}

/** Points taken from one lot. */
export interface Draw {
  readonly lotId: string;
  readonly points: number;
}

/** Points counting toward the tier, by earned date (net of refunds). */
export interface TierEarning {
  readonly lotId: string;
  readonly at: string;
  readonly points: number;
}

export interface PurchaseRecord extends EarnedPurchase {
  readonly purchaseId: string;
  readonly lotId: string;
}

export type RedemptionPurpose =
  | { readonly kind: 'points'; readonly reference: string | null }
  | { readonly kind: 'reward'; readonly rewardId: string }
  | { readonly kind: 'partner'; readonly partnerId: string; readonly reference: string };

export interface RedemptionRecord {
  readonly redemptionId: string;
  readonly points: number;
  readonly draws: readonly Draw[];
  readonly purpose: RedemptionPurpose;
  readonly at: string;
  /**
   * completed: points are gone; held: points are set aside pending a fraud review; cancelled /
   * rejected: points were given back; voided: never debited, and never will be (an abandoned saga).
   */
  readonly status: 'completed' | 'held' | 'cancelled' | 'rejected' | 'voided';
}

export const FRAUD_REASONS = [
  'earning-velocity',
  'shared-identity',
  'duplicate-suspected',
  'self-referral',
  'referral-ring',
  'early-redemption',
] as const;
export type FraudReason = (typeof FRAUD_REASONS)[number];

export interface FraudFlag {
  readonly flagId: string;
  readonly reason: FraudReason;
  readonly details: Readonly<Record<string, string | number>>;
  readonly raisedAt: string;
  /** open: under review; confirmed: fraud established; cleared: a false alarm. */
  readonly status: 'open' | 'confirmed' | 'cleared';
}

export interface MergeRecord {
  readonly mergeId: string;
  readonly role: 'survivor' | 'absorbed';
  readonly otherCustomerId: string;
  /** What moved in the merge (lot ids are kept, so they name the same lots on both accounts). */
  readonly lotIds: readonly string[];
  readonly purchaseIds: readonly string[];
  readonly tierLotIds: readonly string[];
  readonly debt: number;
  readonly undone: boolean;
}

export interface Account {
  /** merged: absorbed into another account by a customer merge; closed: the customer was erased. */
  readonly status: 'active' | 'merged' | 'closed';
  readonly customerId: string;
  readonly enrolledAt: string;
  readonly lots: readonly Lot[];
  /** Points owed after refunds took back points that had already been spent; paid by the next earnings. */
  readonly debt: number;
  readonly tier: TierName;
  /** A tier a supervisor set: the account never drops below it. */
  readonly tierFloor: TierName | null;
  readonly graceEndsAt: string | null;
  readonly tierReviewAt: string | null;
  readonly tierEarnings: readonly TierEarning[];
  readonly firstEarnedAt: string | null;
  readonly purchases: readonly PurchaseRecord[];
  readonly refundIds: readonly string[];
  readonly engagements: readonly EngagementAward[];
  /** `partnerId/reference` of partner earnings already credited. */
  readonly partnerEarnings: readonly string[];
  readonly adjustmentIds: readonly string[];
  readonly redemptions: readonly RedemptionRecord[];
  readonly transfersOut: readonly { readonly transferId: string; readonly at: string; readonly points: number }[];
  readonly transferInIds: readonly string[];
  readonly merges: readonly MergeRecord[];
  readonly mergedInto: string | null;
  readonly flags: readonly FraudFlag[];
}

export type AccountState = { readonly status: 'none' } | Account;

export function isEnrolled(state: AccountState): state is Account {
  return state.status !== 'none';
}
