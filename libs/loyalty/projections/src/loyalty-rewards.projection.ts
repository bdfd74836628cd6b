import { projectionCollection, type DocumentProjection, type EventEnvelope } from '@c360/kernel';
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

export const loyaltyRewardsProjection: DocumentProjection<RewardDocument> = {
  name: 'loyalty-rewards',
  version: 1,
  handles: REWARD_EVENT_TYPES,
  documentIds: (event) => [(event.data as { rewardId: string }).rewardId],
  evolve(doc, event: EventEnvelope) {
    const domainEvent = { type: event.type, data: event.data } as RewardEvent;
    // The catalogue document keeps what the decider's state needs to fold the next event.
    const state = loyaltyRewardDecider.evolve(doc?.state ?? loyaltyRewardDecider.initialState, domainEvent);
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

export const loyaltyRewardRedemptionsProjection: DocumentProjection<RewardRedemptionDocument> = {
  name: 'loyalty-reward-redemptions',
  version: 1,
  handles: RESERVATION_EVENTS,
  documentIds: (event) => [(event.data as { redemptionId: string }).redemptionId],
  evolve(doc, event: EventEnvelope) {
    const domainEvent = { type: event.type, data: event.data } as RewardEvent;
    switch (domainEvent.type) {
      case 'loyalty.reward-reserved':
        return {
          redemptionId: domainEvent.data.redemptionId,
          rewardId: domainEvent.data.rewardId,
          customerId: domainEvent.data.customerId,
          pointsCost: domainEvent.data.pointsCost,
          couponCode: domainEvent.data.couponCode,
          status: 'reserved',
          reservedAt: domainEvent.data.reservedAt,
          updatedAt: event.occurredAt,
        };
      case 'loyalty.reward-redemption-confirmed':
        return doc && { ...doc, status: 'confirmed', updatedAt: event.occurredAt };
      case 'loyalty.reward-reservation-released':
        return doc && { ...doc, status: 'released', couponCode: null, updatedAt: event.occurredAt };
      case 'loyalty.reward-redemption-cancelled':
        return doc && { ...doc, status: 'cancelled', updatedAt: event.occurredAt };
      default:
        return doc;
    }
  },
};

export const LOYALTY_REWARD_REDEMPTIONS_COLLECTION = projectionCollection(loyaltyRewardRedemptionsProjection);
