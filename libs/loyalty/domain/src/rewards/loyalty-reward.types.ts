import type { Actor } from '@c360/kernel';
import type { TierName } from '../shared/tiers';

/** What a reward gives. Coupons come from a pool of unique codes, one per redemption. */
export type RewardValue =
  | { readonly kind: 'percentage-discount'; readonly percent: number }
  | { readonly kind: 'fixed-credit'; readonly amount: number; readonly currency: string }
  | { readonly kind: 'free-shipping' }
  | { readonly kind: 'gift'; readonly sku: string }
  | { readonly kind: 'coupon'; readonly description: string };

export type RewardKind = RewardValue['kind'];

export interface RewardTerms {
  readonly name: string;
  readonly value: RewardValue;
  readonly pointsCost: number;
  /** Units that can still be given; null = unlimited (coupons are limited by their pool). */
  readonly stock: number | null;
  readonly validFrom: string;
  /** First instant the reward can no longer be redeemed; null = no end. */
  readonly validUntil: string | null;
  /** Tiers allowed to redeem; empty = every tier. */
  readonly tiers: readonly TierName[];
}

export interface Reservation {
  readonly redemptionId: string;
  readonly customerId: string;
  readonly couponCode: string | null;
  readonly reservedAt: string;
  /** reserved: stock and code set aside while the points are debited; confirmed: given; released: given back; cancelled: the member cancelled. */
  readonly status: 'reserved' | 'confirmed' | 'released' | 'cancelled';
}

export type RewardState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'retired';
      readonly rewardId: string;
      readonly terms: RewardTerms;
      /** Units left to reserve (null = unlimited). */
      readonly stockLeft: number | null;
      /** Codes not yet handed out, in the order they were added. */
      readonly couponPool: readonly string[];
      /** Every code ever added, so a code is never added (or given) twice. */
      readonly knownCodes: readonly string[];
      readonly reservations: readonly Reservation[];
    };

export type RewardCommand =
  | { readonly type: 'create-reward'; readonly rewardId: string; readonly terms: RewardTerms; readonly actor: Actor; readonly now: string }
  | { readonly type: 'change-reward'; readonly terms: RewardTerms; readonly actor: Actor; readonly now: string }
  | { readonly type: 'add-coupon-codes'; readonly codes: readonly string[]; readonly actor: Actor; readonly now: string }
  | { readonly type: 'retire-reward'; readonly actor: Actor; readonly now: string }
  | {
      readonly type: 'reserve-reward';
      readonly redemptionId: string;
      readonly customerId: string;
      readonly customerTier: TierName;
      readonly now: string;
    }
  | { readonly type: 'confirm-reservation'; readonly redemptionId: string; readonly now: string }
  | { readonly type: 'release-reservation'; readonly redemptionId: string; readonly reason: ReleaseReason; readonly now: string }
  | { readonly type: 'cancel-reward-redemption'; readonly redemptionId: string; readonly now: string };

export type ReleaseReason = 'points-refused' | 'redemption-rejected' | 'abandoned';

type E<T extends string, D> = { readonly type: T; readonly data: D };

export type RewardEvent =
  | E<
      'loyalty.reward-created',
      { readonly rewardId: string; readonly terms: RewardTerms; readonly actorId: string; readonly createdAt: string }
    >
  | E<
      'loyalty.reward-changed',
      {
        readonly rewardId: string;
        readonly terms: RewardTerms;
        readonly stockLeft: number | null;
        readonly actorId: string;
        readonly changedAt: string;
      }
    >
  | E<
      'loyalty.reward-coupons-added',
      { readonly rewardId: string; readonly codes: readonly string[]; readonly actorId: string; readonly addedAt: string }
    >
  | E<'loyalty.reward-retired', { readonly rewardId: string; readonly actorId: string; readonly retiredAt: string }>
  | E<
      'loyalty.reward-reserved',
      {
        readonly rewardId: string;
        readonly redemptionId: string;
        readonly customerId: string;
        readonly pointsCost: number;
        readonly couponCode: string | null;
        readonly reservedAt: string;
      }
    >
  | E<
      'loyalty.reward-redemption-confirmed',
      { readonly rewardId: string; readonly redemptionId: string; readonly customerId: string; readonly confirmedAt: string }
    >
  | E<
      'loyalty.reward-reservation-released',
      {
        readonly rewardId: string;
        readonly redemptionId: string;
        readonly couponCode: string | null;
        readonly reason: ReleaseReason;
        readonly releasedAt: string;
      }
    >
  | E<
      'loyalty.reward-redemption-cancelled',
      {
        readonly rewardId: string;
        readonly redemptionId: string;
        readonly customerId: string;
        readonly voidedCouponCode: string | null;
        readonly cancelledAt: string;
      }
    >;

export const REWARD_EVENT_TYPES = [
  'loyalty.reward-created',
  'loyalty.reward-changed',
  'loyalty.reward-coupons-added',
  'loyalty.reward-retired',
  'loyalty.reward-reserved',
  'loyalty.reward-redemption-confirmed',
  'loyalty.reward-reservation-released',
  'loyalty.reward-redemption-cancelled',
] as const satisfies readonly RewardEvent['type'][];
