import { deciderSpec } from '@c360/kernel/testing';
import {
  AGENT,
  PROGRAM,
  SUPERVISOR,
  credit,
  decide,
  earn,
  enrol,
  history,
  purchase,
  redeem,
  stateOf,
  typesOf,
} from '../testing/account-fixtures';
import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { spendablePoints } from './lot-math';
import { loyaltyAccountDecider } from './loyalty-account.decider';

const spec = deciderSpec(loyaltyAccountDecider);
const T0 = '2026-03-10T09:00:00.000Z';
const LATER = '2026-05-10T09:00:00.000Z';
const then = (given: AccountEvent[], command: AccountCommand) => [...given, ...decide(given, command)];
const flag = (flagId = 'shared-identity/x'): AccountCommand => ({
  type: 'raise-fraud-flag',
  flagId,
  reason: 'shared-identity',
  details: { identityKey: 'device:abc', otherCustomerId: 'cust-9' },
  now: T0,
});
const review = (decision: 'confirm' | 'clear', flagId = 'shared-identity/x', actor = SUPERVISOR): AccountCommand => ({
  type: 'review-fraud-flag',
  flagId,
  decision,
  actor,
  now: LATER,
  program: PROGRAM,
});

describe('fraud checks', () => {
  it('flags earning velocity above the 24-hour limit, once a day, without blocking the earning', () => {
    const given = history(enrol('2026-01-01T00:00:00.000Z'), earn(purchase('p-1', 40_000_000, T0), T0));
    spec
      .given(given)
      .when(earn(purchase('p-2', 20_000_000, T0), T0))
      .thenEvents((events) => {
        expect(typesOf(events).slice(0, 2)).toEqual(['loyalty.points-earned', 'loyalty.fraud-flag-raised']);
        expect(events[1].data).toEqual({
          flagId: 'earning-velocity/2026-03-10',
          reason: 'earning-velocity',
          details: { pointsIn24Hours: 6_000, limit: 5_000 },
          raisedAt: T0,
        });
      });
  });

  it('holds a redemption soon after a new account’s first earning, and flags it', () => {
    // Engagement points are spendable at once, which is what a farmed new account would use.
    const fresh = history(enrol(T0), {
      type: 'earn-for-engagement',
      customerId: 'cust-1',
      rule: 'review-written',
      reference: 'rv-1',
      autoEnrol: false,
      now: T0,
      program: PROGRAM,
    });
    spec
      .given(fresh)
      .when(redeem('r-1', 10, '2026-03-11T09:00:00.000Z'))
      .thenEvents((events) => {
        expect(typesOf(events)).toEqual(['loyalty.fraud-flag-raised', 'loyalty.redemption-held']);
        expect(events[1].data).toMatchObject({ redemptionId: 'r-1', points: 10, flagIds: ['early-redemption'] });
      });
    spec
      .given(fresh)
      .when(redeem('r-1', 10, '2026-03-12T09:00:00.000Z'))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.points-redeemed']));
    expect(stateOf(fresh).firstEarnedAt).toBe(T0);
  });

  it('holds every redemption of a flagged account, setting the points aside', () => {
    const flagged = history(enrol('2025-01-01T00:00:00.000Z'), credit('a-1', 100, T0), flag());
    const held = then(flagged, redeem('r-1', 60, T0));
    expect(held.at(-1)).toMatchObject({ type: 'loyalty.redemption-held', data: { flagIds: ['shared-identity/x'] } });
    expect(spendablePoints(stateOf(held), T0)).toBe(40);
    spec
      .given(held)
      .when(redeem('r-2', 41, T0))
      .thenThrows('loyalty.insufficient-points');
  });

  it('releases held redemptions when a supervisor clears the last flag', () => {
    const held = then(history(enrol('2025-01-01T00:00:00.000Z'), credit('a-1', 100, T0), flag()), redeem('r-1', 60, T0));
    spec
      .given(held)
      .when(review('clear'))
      .then([
        { type: 'loyalty.fraud-flag-cleared', data: { flagId: 'shared-identity/x', actorId: SUPERVISOR.id, clearedAt: LATER } },
        {
          type: 'loyalty.held-redemption-released',
          data: { redemptionId: 'r-1', points: 60, purpose: { kind: 'points', reference: null }, releasedAt: LATER },
        },
      ]);
  });

  it('keeps them held while another flag is still open', () => {
    const held = then(
      then(history(enrol('2025-01-01T00:00:00.000Z'), credit('a-1', 100, T0), flag()), flag('self-referral/x')),
      redeem('r-1', 60, T0),
    );
    spec
      .given(held)
      .when(review('clear'))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.fraud-flag-cleared']));
  });

  it('rejects held redemptions and gives the points back when a supervisor confirms the flag', () => {
    const held = then(history(enrol('2025-01-01T00:00:00.000Z'), credit('a-1', 100, T0), flag()), redeem('r-1', 60, T0));
    const confirmed = then(held, review('confirm'));
    expect(typesOf(confirmed.slice(-2))).toEqual(['loyalty.fraud-flag-confirmed', 'loyalty.held-redemption-rejected']);
    expect(spendablePoints(stateOf(confirmed), LATER)).toBe(100);
    spec
      .given(confirmed)
      .when(redeem('r-2', 10, LATER))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.redemption-held']));
  });

  it('lets only supervisors review, once', () => {
    const flagged = history(enrol(T0), flag());
    spec
      .given(flagged)
      .when(review('clear', 'shared-identity/x', AGENT))
      .thenThrows('loyalty.supervisor-required', 'forbidden');
    spec
      .given(then(flagged, review('clear')))
      .when(review('confirm'))
      .thenThrows('loyalty.flag-already-reviewed');
    spec.given(flagged).when(review('clear', 'nope')).thenThrows('loyalty.flag-not-found', 'not-found');
  });

  it('raises a flag once', () => {
    spec
      .given(history(enrol(T0), flag()))
      .when(flag())
      .thenNothing();
  });
});
