import { deciderSpec } from '@c360/kernel/testing';
import { AGENT, SUPERVISOR } from '../testing/account-fixtures';
import { loyaltyRewardDecider } from './loyalty-reward.decider';
import type { RewardCommand, RewardEvent, RewardTerms } from './loyalty-reward.types';

const spec = deciderSpec(loyaltyRewardDecider);
const T0 = '2026-03-10T09:00:00.000Z';
const terms = (overrides: Partial<RewardTerms> = {}): RewardTerms => ({
  name: '10 % off',
  value: { kind: 'percentage-discount', percent: 10 },
  pointsCost: 200,
  stock: 2,
  validFrom: '2026-03-01T00:00:00.000Z',
  validUntil: '2026-06-01T00:00:00.000Z',
  tiers: [],
  ...overrides,
});
const create = (t = terms()): RewardCommand => ({ type: 'create-reward', rewardId: 'rw-1', terms: t, actor: SUPERVISOR, now: T0 });
const reserve = (redemptionId: string, overrides: Partial<Extract<RewardCommand, { type: 'reserve-reward' }>> = {}): RewardCommand => ({
  type: 'reserve-reward',
  redemptionId,
  customerId: 'cust-1',
  customerTier: 'bronze',
  now: T0,
  ...overrides,
});
const run = (...commands: RewardCommand[]): RewardEvent[] => {
  const events: RewardEvent[] = [];
  for (const command of commands)
    events.push(...loyaltyRewardDecider.decide(command, events.reduce(loyaltyRewardDecider.evolve, loyaltyRewardDecider.initialState)));
  return events;
};

describe('rewards catalogue', () => {
  it('is managed by supervisors, with sensible terms', () => {
    spec
      .given([])
      .when({ ...create(), actor: AGENT } as RewardCommand)
      .thenThrows('loyalty.supervisor-required', 'forbidden');
    expect(
      spec
        .given([])
        .when(create(terms({ pointsCost: 0 })))
        .thenThrows('loyalty.invalid-reward').details,
    ).toEqual({ field: 'pointsCost' });
    spec
      .given([])
      .when(create(terms({ value: { kind: 'coupon', description: 'x' }, stock: 5 })))
      .thenThrows('loyalty.invalid-reward');
  });

  it('reserves stock for a redemption, and refuses when none is left', () => {
    const given = run(create(), reserve('r-1'), reserve('r-2'));
    expect(given.at(-1)).toEqual({
      type: 'loyalty.reward-reserved',
      data: { rewardId: 'rw-1', redemptionId: 'r-2', customerId: 'cust-1', pointsCost: 200, couponCode: null, reservedAt: T0 },
    });
    spec.given(given).when(reserve('r-3')).thenThrows('loyalty.reward-out-of-stock', 'conflict');
    spec.given(given).when(reserve('r-1')).thenNothing();
  });

  it('gives stock back when a reservation is released, and when a redemption is cancelled', () => {
    const released = run(create(terms({ stock: 1 })), reserve('r-1'), {
      type: 'release-reservation',
      redemptionId: 'r-1',
      reason: 'points-refused',
      now: T0,
    });
    spec
      .given(released)
      .when(reserve('r-2'))
      .thenEvents((events) => expect(events).toHaveLength(1));
    const cancelled = run(
      create(terms({ stock: 1 })),
      reserve('r-1'),
      { type: 'confirm-reservation', redemptionId: 'r-1', now: T0 },
      { type: 'cancel-reward-redemption', redemptionId: 'r-1', now: T0 },
    );
    spec
      .given(cancelled)
      .when(reserve('r-2'))
      .thenEvents((events) => expect(events).toHaveLength(1));
  });

  it('hands out each coupon code once; a released code goes back, a cancelled one is void', () => {
    const coupon = terms({ value: { kind: 'coupon', description: 'Partner voucher' }, stock: null });
    const withCodes = run(create(coupon), { type: 'add-coupon-codes', codes: ['CODE-A', 'CODE-B'], actor: SUPERVISOR, now: T0 });
    spec
      .given(withCodes)
      .when({ type: 'add-coupon-codes', codes: ['CODE-B', 'CODE-C'], actor: SUPERVISOR, now: T0 })
      .thenThrows('loyalty.coupon-code-exists');
    const reserved = run(
      create(coupon),
      { type: 'add-coupon-codes', codes: ['CODE-A', 'CODE-B'], actor: SUPERVISOR, now: T0 },
      reserve('r-1'),
      reserve('r-2'),
    );
    expect(reserved.slice(-2).map((event) => (event.data as { couponCode: string }).couponCode)).toEqual(['CODE-A', 'CODE-B']);
    spec.given(reserved).when(reserve('r-3')).thenThrows('loyalty.reward-out-of-stock');
    spec
      .given([
        ...reserved,
        {
          type: 'loyalty.reward-reservation-released',
          data: { rewardId: 'rw-1', redemptionId: 'r-1', couponCode: 'CODE-A', reason: 'points-refused', releasedAt: T0 },
        },
      ])
      .when(reserve('r-3'))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ couponCode: 'CODE-A' }));
    spec
      .given([
        ...reserved,
        {
          type: 'loyalty.reward-redemption-cancelled',
          data: { rewardId: 'rw-1', redemptionId: 'r-1', customerId: 'cust-1', voidedCouponCode: 'CODE-A', cancelledAt: T0 },
        },
      ])
      .when(reserve('r-3'))
      .thenThrows('loyalty.reward-out-of-stock');
  });

  it('respects validity and tier restrictions', () => {
    const given = run(create(terms({ tiers: ['gold'] })));
    spec.given(given).when(reserve('r-1')).thenThrows('loyalty.reward-tier-restricted', 'forbidden');
    spec
      .given(given)
      .when(reserve('r-1', { customerTier: 'gold', now: '2026-06-01T00:00:00.000Z' }))
      .thenThrows('loyalty.reward-unavailable');
    spec
      .given(given)
      .when(reserve('r-1', { customerTier: 'gold' }))
      .thenEvents((events) => expect(events).toHaveLength(1));
    spec
      .given(run(create(), { type: 'retire-reward', actor: SUPERVISOR, now: T0 }))
      .when(reserve('r-1'))
      .thenThrows('loyalty.reward-unavailable');
  });

  it('confirms and releases a reservation once', () => {
    const confirmed = run(create(), reserve('r-1'), { type: 'confirm-reservation', redemptionId: 'r-1', now: T0 });
    spec.given(confirmed).when({ type: 'confirm-reservation', redemptionId: 'r-1', now: T0 }).thenNothing();
    spec.given(confirmed).when({ type: 'release-reservation', redemptionId: 'r-1', reason: 'abandoned', now: T0 }).thenNothing();
  });
});
