import { projectionCollection, type DocumentProjection } from '@c360/kernel';
import {
  REWARD_EVENT_TYPES,
  TIERS,
  loyaltyRewardDecider,
  type RewardEvent,
  type RewardState,
  type RewardTerms,
  type TierName,
} from '@c360/loyalty-domain';

/**
 * The rewards catalogue as members and agents browse it. `state` is the reward as the decider folds
 * it (coupon pool included): the API never returns it, only the fields around it (`publicReward`).
 */
export interface RewardDocument {
  readonly rewardId: string;
  readonly name: string;
  readonly value: RewardTerms['value'];
  readonly kind: RewardTerms['value']['kind'];
  readonly pointsCost: number;
  readonly stockLeft: number | null;
  readonly couponsLeft: number | null;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly tiers: readonly TierName[];
  /** The tiers that may redeem (all of them when the reward is not restricted), for filtering. */
  readonly eligibleTiers: readonly TierName[];
  readonly status: 'active' | 'retired';
  readonly redemptions: number;
  readonly state: Exclude<RewardState, { status: 'none' }>;
}

export type PublicReward = Omit<RewardDocument, 'state' | 'eligibleTiers'>;

export function publicReward(doc: RewardDocument): PublicReward {
  const { state: _state, eligibleTiers: _eligible, ...rest } = doc as RewardDocument & { _id?: string; _position?: number };
  const { _id: _ignoredId, _position: _ignoredPosition, ...visible } = rest as typeof rest & { _id?: string; _position?: number };
  return visible;
}

export const loyaltyRewardsProjection: DocumentProjection<RewardDocument, RewardEvent> = {
  name: 'loyalty-rewards',
  version: 1,
  handles: REWARD_EVENT_TYPES,
  // The catalogue is listed cheapest first.
  indexes: [{ fields: ['pointsCost'] }],
  documentIds: (event) => [event.data.rewardId],
  evolve(doc, event) {
    // The catalogue document keeps what the decider's state needs to fold the next event.
    const state = loyaltyRewardDecider.evolve(doc?.state ?? loyaltyRewardDecider.initialState, event);
    if (state.status === 'none') return doc;
    const confirmed = state.reservations.filter((reservation) => reservation.status === 'confirmed').length;
    return {
      rewardId: state.rewardId,
      name: state.terms.name,
      value: state.terms.value,
      kind: state.terms.value.kind,
      pointsCost: state.terms.pointsCost,
      stockLeft: state.stockLeft,
      couponsLeft: state.terms.value.kind === 'coupon' ? state.couponPool.length : null,
      validFrom: state.terms.validFrom,
      validUntil: state.terms.validUntil,
      tiers: state.terms.tiers,
      eligibleTiers: state.terms.tiers.length ? state.terms.tiers : [...TIERS],
      status: state.status,
      redemptions: confirmed,
      state,
    };
  },
};

export const LOYALTY_REWARDS_COLLECTION = projectionCollection(loyaltyRewardsProjection);

/** One document per reward redemption, from the reward's side: what the sweep and the member's list read. */
export interface RewardRedemptionDocument {
  readonly redemptionId: string;
  readonly rewardId: string;
  readonly customerId: string;
  readonly pointsCost: number;
  readonly couponCode: string | null;
  readonly status: 'reserved' | 'confirmed' | 'released' | 'cancelled';
  readonly reservedAt: string;
  readonly updatedAt: string;
}

const RESERVATION_EVENTS = [
  'loyalty.reward-reserved',
  'loyalty.reward-redemption-confirmed',
  'loyalty.reward-reservation-released',
  'loyalty.reward-redemption-cancelled',
] as const;

type ReservationEvent = Extract<RewardEvent, { type: (typeof RESERVATION_EVENTS)[number] }>;

export const loyaltyRewardRedemptionsProjection: DocumentProjection<RewardRedemptionDocument, ReservationEvent> = {
  name: 'loyalty-reward-redemptions',
  version: 1,
  handles: RESERVATION_EVENTS,
  documentIds: (event) => [event.data.redemptionId],
  // The scheduler's sweep of abandoned reservations, and a member's redemptions newest first.
  indexes: [{ fields: ['status', 'reservedAt'] }, { fields: ['customerId', 'reservedAt'] }],
  evolve(doc, event) {
    switch (event.type) {
      case 'loyalty.reward-reserved':
        return {
          redemptionId: event.data.redemptionId,
          rewardId: event.data.rewardId,
          customerId: event.data.customerId,
          pointsCost: event.data.pointsCost,
          couponCode: event.data.couponCode,
          status: 'reserved',
          reservedAt: event.data.reservedAt,
          updatedAt: event.occurredAt,
        };
      case 'loyalty.reward-redemption-confirmed':
        return doc && { ...doc, status: 'confirmed', updatedAt: event.occurredAt };
      case 'loyalty.reward-reservation-released':
        return doc && { ...doc, status: 'released', couponCode: null, updatedAt: event.occurredAt };
      case 'loyalty.reward-redemption-cancelled':
        return doc && { ...doc, status: 'cancelled', updatedAt: event.occurredAt };
    }
  },
};

export const LOYALTY_REWARD_REDEMPTIONS_COLLECTION = projectionCollection(loyaltyRewardRedemptionsProjection);
