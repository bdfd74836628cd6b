import { DomainError, type AggregateType, type Decider } from '@c360/kernel';
import { requireSupervisor } from '../shared/actor';
import { normaliseInstant } from '../shared/time';
import { TIERS } from '../shared/tiers';
import {
  REWARD_EVENT_TYPES,
  type Reservation,
  type RewardCommand,
  type RewardEvent,
  type RewardState,
  type RewardTerms,
} from './loyalty-reward.types';

/**
 * A reward of the catalogue (stream `loyalty-reward-<rewardId>`). Redeeming is a small saga
 * (ADR 0007): the reward first reserves a unit of stock and, for coupons, a unique code; the
 * account then debits the points; the reservation is confirmed, or released when the debit is
 * refused. Stock and codes can therefore never be given twice, and points are never taken for a
 * reward that was not available.
 */
type Active = Exclude<RewardState, { status: 'none' }>;

const CODE = /^[A-Za-z0-9_-]{4,64}$/;

function invalid(field: string, problem: string): DomainError {
  return new DomainError('loyalty.invalid-reward', `${field} ${problem}`, 'invalid', { field });
}

export function validateTerms(terms: RewardTerms): void {
  if (!terms.name.trim() || terms.name.length > 200) throw invalid('name', 'must be 1-200 characters');
  if (!Number.isSafeInteger(terms.pointsCost) || terms.pointsCost < 1) throw invalid('pointsCost', 'must be a whole number ≥ 1');
  if (terms.stock !== null && (!Number.isSafeInteger(terms.stock) || terms.stock < 0))
    throw invalid('stock', 'must be null or a whole number ≥ 0');
  if (terms.value.kind === 'coupon' && terms.stock !== null)
    throw invalid('stock', 'must be null for coupons: the pool of codes is the stock');
  if (
    terms.value.kind === 'percentage-discount' &&
    !(Number.isInteger(terms.value.percent) && terms.value.percent >= 1 && terms.value.percent <= 100)
  ) {
    throw invalid('value.percent', 'must be a whole percent from 1 to 100');
  }
  if (
    terms.value.kind === 'fixed-credit' &&
    !(Number.isSafeInteger(terms.value.amount) && terms.value.amount >= 1 && /^[A-Z]{3}$/.test(terms.value.currency))
  ) {
    throw invalid('value', 'needs an amount ≥ 1 (minor units) and an ISO-4217 currency');
  }
  if (terms.value.kind === 'gift' && !terms.value.sku) throw invalid('value.sku', 'is required');
  if (terms.validUntil !== null && normaliseInstant(terms.validUntil) <= normaliseInstant(terms.validFrom))
    throw invalid('validUntil', 'must be after validFrom');
  if (terms.tiers.some((tier) => !TIERS.includes(tier))) throw invalid('tiers', `must be among ${TIERS.join(', ')}`);
}

function requireReward(state: RewardState): Active {
  if (state.status === 'none') throw new DomainError('loyalty.reward-not-found', 'No such reward', 'not-found');
  return state;
}

function reservation(state: Active, redemptionId: string): Reservation | undefined {
  return state.reservations.find((candidate) => candidate.redemptionId === redemptionId);
}

function reserve(state: Active, command: Extract<RewardCommand, { type: 'reserve-reward' }>): RewardEvent[] {
  const now = normaliseInstant(command.now);
  if (reservation(state, command.redemptionId)) return [];
  const { terms } = state;
  const unavailable = (code: string, message: string, details: Record<string, unknown> = {}) =>
    new DomainError(code, message, 'conflict', details);
  if (state.status !== 'active') throw unavailable('loyalty.reward-unavailable', 'The reward is retired');
  if (now < terms.validFrom || (terms.validUntil !== null && now >= terms.validUntil)) {
    throw unavailable('loyalty.reward-unavailable', 'The reward cannot be redeemed at this time', {
      validFrom: terms.validFrom,
      validUntil: terms.validUntil,
    });
  }
  if (terms.tiers.length > 0 && !terms.tiers.includes(command.customerTier)) {
    throw new DomainError('loyalty.reward-tier-restricted', `The reward is for ${terms.tiers.join(', ')} members`, 'forbidden', {
      tiers: terms.tiers,
    });
  }
  const couponCode = terms.value.kind === 'coupon' ? (state.couponPool[0] ?? null) : null;
  if ((terms.value.kind === 'coupon' && couponCode === null) || (state.stockLeft !== null && state.stockLeft < 1)) {
    throw unavailable('loyalty.reward-out-of-stock', 'The reward is out of stock');
  }
  return [
    {
      type: 'loyalty.reward-reserved',
      data: {
        rewardId: state.rewardId,
        redemptionId: command.redemptionId,
        customerId: command.customerId,
        pointsCost: terms.pointsCost,
        couponCode,
        reservedAt: now,
      },
    },
  ];
}

export const loyaltyRewardDecider: Decider<RewardCommand, RewardEvent, RewardState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const now = normaliseInstant(command.now);
    switch (command.type) {
      case 'create-reward': {
        requireSupervisor(command.actor, 'manage the rewards catalogue');
        if (state.status !== 'none') throw new DomainError('loyalty.reward-exists', 'The reward exists already', 'conflict');
        validateTerms(command.terms);
        const terms = {
          ...command.terms,
          validFrom: normaliseInstant(command.terms.validFrom),
          validUntil: command.terms.validUntil && normaliseInstant(command.terms.validUntil),
        };
        return [{ type: 'loyalty.reward-created', data: { rewardId: command.rewardId, terms, actorId: command.actor.id, createdAt: now } }];
      }
      case 'change-reward': {
        requireSupervisor(command.actor, 'manage the rewards catalogue');
        const reward = requireReward(state);
        validateTerms(command.terms);
        if (command.terms.value.kind !== reward.terms.value.kind) throw invalid('value.kind', 'cannot change; create a new reward');
        const terms = {
          ...command.terms,
          validFrom: normaliseInstant(command.terms.validFrom),
          validUntil: command.terms.validUntil && normaliseInstant(command.terms.validUntil),
        };
        return [
          {
            type: 'loyalty.reward-changed',
            data: { rewardId: reward.rewardId, terms, stockLeft: terms.stock, actorId: command.actor.id, changedAt: now },
          },
        ];
      }
      case 'add-coupon-codes': {
        requireSupervisor(command.actor, 'manage the rewards catalogue');
        const reward = requireReward(state);
        if (reward.terms.value.kind !== 'coupon') throw invalid('codes', 'only coupon rewards have codes');
        const bad = command.codes.find((code) => !CODE.test(code));
        if (bad !== undefined) throw invalid('codes', 'must be 4-64 letters, digits, "-" or "_"');
        if (new Set(command.codes).size !== command.codes.length) throw invalid('codes', 'must not repeat a code');
        const known = command.codes.filter((code) => reward.knownCodes.includes(code));
        if (known.length)
          throw new DomainError('loyalty.coupon-code-exists', `Codes already in the pool or given: ${known.join(', ')}`, 'conflict', {
            codes: known,
          });
        return command.codes.length
          ? [
              {
                type: 'loyalty.reward-coupons-added',
                data: { rewardId: reward.rewardId, codes: [...command.codes], actorId: command.actor.id, addedAt: now },
              },
            ]
          : [];
      }
      case 'retire-reward': {
        requireSupervisor(command.actor, 'manage the rewards catalogue');
        const reward = requireReward(state);
        return reward.status === 'retired'
          ? []
          : [{ type: 'loyalty.reward-retired', data: { rewardId: reward.rewardId, actorId: command.actor.id, retiredAt: now } }];
      }
      case 'reserve-reward':
        return reserve(requireReward(state), command);
      case 'confirm-reservation': {
        const reward = requireReward(state);
        const held = reservation(reward, command.redemptionId);
        if (!held || held.status !== 'reserved') return [];
        return [
          {
            type: 'loyalty.reward-redemption-confirmed',
            data: { rewardId: reward.rewardId, redemptionId: held.redemptionId, customerId: held.customerId, confirmedAt: now },
          },
        ];
      }
      case 'release-reservation': {
        const reward = requireReward(state);
        const held = reservation(reward, command.redemptionId);
        if (!held || held.status !== 'reserved') return [];
        return [
          {
            type: 'loyalty.reward-reservation-released',
            data: {
              rewardId: reward.rewardId,
              redemptionId: held.redemptionId,
              couponCode: held.couponCode,
              reason: command.reason,
              releasedAt: now,
            },
          },
        ];
      }
      case 'cancel-reward-redemption': {
        const reward = requireReward(state);
        const given = reservation(reward, command.redemptionId);
        if (!given || given.status === 'cancelled' || given.status === 'released') return [];
        // A code that was shown to the member is void: it never goes back to the pool.
        return [
          {
            type: 'loyalty.reward-redemption-cancelled',
            data: {
              rewardId: reward.rewardId,
              redemptionId: given.redemptionId,
              customerId: given.customerId,
              voidedCouponCode: given.couponCode,
              cancelledAt: now,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'loyalty.reward-created') {
      return {
        status: 'active',
        rewardId: event.data.rewardId,
        terms: event.data.terms,
        stockLeft: event.data.terms.stock,
        couponPool: [],
        knownCodes: [],
        reservations: [],
      };
    }
    if (state.status === 'none') return state;
    const setStatus = (redemptionId: string, status: Reservation['status']) =>
      state.reservations.map((candidate) => (candidate.redemptionId === redemptionId ? { ...candidate, status } : candidate));
    const stockBack = state.stockLeft === null ? null : state.stockLeft + 1;
    switch (event.type) {
      case 'loyalty.reward-changed':
        return { ...state, terms: event.data.terms, stockLeft: event.data.stockLeft };
      case 'loyalty.reward-coupons-added':
        return { ...state, couponPool: [...state.couponPool, ...event.data.codes], knownCodes: [...state.knownCodes, ...event.data.codes] };
      case 'loyalty.reward-retired':
        return { ...state, status: 'retired' };
      case 'loyalty.reward-reserved':
        return {
          ...state,
          stockLeft: state.stockLeft === null ? null : state.stockLeft - 1,
          couponPool: state.couponPool.filter((code) => code !== event.data.couponCode),
          reservations: [
            ...state.reservations,
            {
              redemptionId: event.data.redemptionId,
              customerId: event.data.customerId,
              couponCode: event.data.couponCode,
              reservedAt: event.data.reservedAt,
              status: 'reserved',
            },
          ],
        };
      case 'loyalty.reward-redemption-confirmed':
        return { ...state, reservations: setStatus(event.data.redemptionId, 'confirmed') };
      case 'loyalty.reward-reservation-released':
        return {
          ...state,
          stockLeft: stockBack,
          // Never shown to the member: the code goes back to the front of the pool.
          couponPool: event.data.couponCode === null ? state.couponPool : [event.data.couponCode, ...state.couponPool],
          reservations: setStatus(event.data.redemptionId, 'released'),
        };
      case 'loyalty.reward-redemption-cancelled':
        return { ...state, stockLeft: stockBack, reservations: setStatus(event.data.redemptionId, 'cancelled') };
    }
  },
};

export const loyaltyReward: AggregateType<RewardCommand, RewardEvent, RewardState> = {
  name: 'loyalty-reward',
  decider: loyaltyRewardDecider,
  eventSchemas: Object.fromEntries(REWARD_EVENT_TYPES.map((type) => [type, 1])) as Record<RewardEvent['type'], number>,
};
