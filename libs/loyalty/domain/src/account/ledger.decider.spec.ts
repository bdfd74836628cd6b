import { deciderSpec } from '@c360/kernel/testing';
import {
  CUSTOMER,
  PROGRAM,
  credit,
  decide,
  due,
  earn,
  enrol,
  history,
  lotId,
  purchase,
  redeem,
  stateOf,
  typesOf,
  withProgram,
} from '../testing/account-fixtures';
import { loyaltyAccountDecider } from './loyalty-account.decider';
import { spendablePoints, pendingPoints } from './lot-math';

const spec = deciderSpec(loyaltyAccountDecider);
const T0 = '2026-01-10T10:00:00.000Z';

describe('loyalty account: enrolment and pending purchase points', () => {
  it('enrols a customer once', () => {
    spec
      .given([])
      .when(enrol(T0))
      .then([{ type: 'loyalty.account-enrolled', data: { customerId: CUSTOMER, enrolledAt: T0, source: 'api' } }]);
    spec
      .given(history(enrol(T0)))
      .when(enrol('2026-02-01T00:00:00.000Z'))
      .thenNothing();
  });

  it('locks purchase points for the 14-day return window, then they are valid 12 months from unlock', () => {
    spec
      .given(history(enrol(T0)))
      .when(earn(purchase('p-1', 250_000, T0), T0))
      .then([
        {
          type: 'loyalty.points-earned',
          data: {
            lotId: lotId('purchase', 'p-1'),
            points: 20,
            earnedAt: T0,
            unlockAt: '2026-01-24T10:00:00.000Z',
            expiresAt: '2027-01-24T10:00:00.000Z',
            warnAt: '2026-12-25T10:00:00.000Z',
            status: 'pending',
            customerId: CUSTOMER,
            source: {
              kind: 'purchase',
              purchaseId: 'p-1',
              orderId: 'order-p-1',
              channel: 'web',
              total: 250_000,
              currency: 'EUR',
              eligibleAmount: 250_000,
              eligibleSkus: [],
              rate: { pointsPerStep: 10, stepAmount: 100_000, multiplierPercent: 100, minimumOrderValue: 0 },
            },
            countsForTier: true,
            programVersion: 0,
          },
        },
      ]);
  });

  it('enrols automatically on a first purchase, and earns a purchase only once', () => {
    spec
      .given([])
      .when(earn(purchase('p-1', 100_000, T0), T0))
      .thenEvents((events) => {
        expect(typesOf(events)).toEqual(['loyalty.account-enrolled', 'loyalty.points-earned']);
      });
    spec
      .given(history(earn(purchase('p-1', 100_000, T0), T0)))
      .when(earn(purchase('p-1', 100_000, T0), '2026-01-11T00:00:00.000Z'))
      .thenNothing();
  });

  it('counts the return window from the purchase date, so a late-processed purchase may be spendable at once', () => {
    const events = history(enrol(T0), earn(purchase('p-1', 100_000, T0), '2026-02-01T00:00:00.000Z'));
    expect(events[1]).toMatchObject({ data: { status: 'available', unlockAt: '2026-01-24T10:00:00.000Z' } });
  });

  it('does not let pending points be spent before they unlock', () => {
    const given = history(enrol(T0), earn(purchase('p-1', 1_000_000, T0), T0));
    const error = spec
      .given(given)
      .when(redeem('r-1', 10, '2026-01-24T09:59:59.999Z'))
      .thenThrows('loyalty.insufficient-points', 'conflict');
    expect(error.details).toEqual({ spendable: 0, requested: 10 });
    expect(pendingPoints(stateOf(given), '2026-01-20T00:00:00.000Z')).toBe(100);
  });

  it('unlocks pending points at decision time when the return window has passed, before spending them', () => {
    const given = history(enrol(T0), earn(purchase('p-1', 1_000_000, T0), T0));
    spec
      .given(given)
      .when(redeem('r-1', 30, '2026-01-24T10:00:00.000Z'))
      .then([
        {
          type: 'loyalty.points-unlocked',
          data: {
            lotId: lotId('purchase', 'p-1'),
            points: 100,
            unlockedAt: '2026-01-24T10:00:00.000Z',
            expiresAt: '2027-01-24T10:00:00.000Z',
          },
        },
        {
          type: 'loyalty.points-redeemed',
          data: {
            redemptionId: 'r-1',
            points: 30,
            draws: [{ lotId: lotId('purchase', 'p-1'), points: 30 }],
            purpose: { kind: 'points', reference: null },
            redeemedAt: '2026-01-24T10:00:00.000Z',
          },
        },
      ]);
  });

  it('lets the scheduler record the unlock for read models, and only once it is due', () => {
    const given = history(enrol(T0), earn(purchase('p-1', 1_000_000, T0), T0));
    spec.given(given).when(due('2026-01-24T09:00:00.000Z')).thenNothing();
    spec
      .given(given)
      .when(due('2026-01-24T10:00:00.000Z'))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.points-unlocked']));
    spec
      .given([...given, ...decide(given, due('2026-01-24T10:00:00.000Z'))])
      .when(due('2026-01-25T00:00:00.000Z'))
      .thenNothing();
  });
});

describe('loyalty account: spending and expiry', () => {
  it('never redeems more than the spendable balance', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0));
    spec
      .given(given)
      .when(redeem('r-1', 101, T0))
      .thenThrows('loyalty.insufficient-points');
    spec
      .given(given)
      .when(redeem('r-1', 100, T0))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.points-redeemed']));
    spec
      .given([...given, ...decide(given, redeem('r-1', 100, T0))])
      .when(redeem('r-2', 1, T0))
      .thenThrows('loyalty.insufficient-points');
  });

  it('refuses a redemption id that was used before', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), redeem('r-1', 10, T0));
    spec
      .given(given)
      .when(redeem('r-1', 10, T0))
      .thenThrows('loyalty.redemption-exists', 'conflict');
  });

  it('draws from the lots that expire soonest, whatever their age', () => {
    const given = history(
      enrol(T0),
      credit('old', 50, T0), // expires 2027-01-10
      {
        type: 'receive-transfer',
        transferId: 't-1',
        fromCustomerId: 'cust-9',
        portions: [{ points: 40, expiresAt: '2026-06-01T00:00:00.000Z' }],
        now: '2026-02-01T00:00:00.000Z',
        program: PROGRAM,
      },
      credit('new', 30, '2026-02-01T00:00:00.000Z'), // expires 2027-02-01
    );
    spec
      .given(given)
      .when(redeem('r-1', 100, '2026-03-01T00:00:00.000Z'))
      .thenEvents((events) =>
        expect(events[0].data).toMatchObject({
          draws: [
            { lotId: lotId('transfer', 't-1/0'), points: 40 },
            { lotId: lotId('adjustment', 'old'), points: 50 },
            { lotId: lotId('adjustment', 'new'), points: 10 },
          ],
        }),
      );
  });

  it('expires only what is left in a lot, at its expiry date', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), redeem('r-1', 60, '2026-05-01T00:00:00.000Z'));
    spec
      .given(given)
      .when(due('2027-01-10T09:59:59.999Z'))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.expiry-warning-issued']));
    spec
      .given(given)
      .when(due('2027-01-10T10:00:00.000Z'))
      .thenEvents((events) => {
        expect(events.find((event) => event.type === 'loyalty.points-expired')).toEqual({
          type: 'loyalty.points-expired',
          data: { lotId: lotId('adjustment', 'a-1'), points: 40, expiredAt: '2027-01-10T10:00:00.000Z' },
        });
      });
  });

  it('treats expired points as gone at decision time, even before the scheduler ran', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), credit('a-2', 10, '2026-06-01T00:00:00.000Z'));
    spec
      .given(given)
      .when(redeem('r-1', 11, '2027-01-10T10:00:00.000Z'))
      .thenThrows('loyalty.insufficient-points');
    spec
      .given(given)
      .when(redeem('r-1', 10, '2027-01-10T10:00:00.000Z'))
      .thenEvents((events) => expect(typesOf(events)).toEqual(['loyalty.points-expired', 'loyalty.points-redeemed']));
    expect(spendablePoints(stateOf(given), '2027-01-10T10:00:00.000Z')).toBe(10);
  });

  it('warns 30 days before points expire, once per expiry date, for what is left', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), credit('a-2', 20, T0), redeem('r-1', 110, '2026-03-01T00:00:00.000Z'));
    spec.given(given).when(due('2026-12-11T09:59:59.000Z')).thenNothing();
    spec
      .given(given)
      .when(due('2026-12-11T10:00:00.000Z'))
      .then([
        {
          type: 'loyalty.expiry-warning-issued',
          data: {
            expiresAt: '2027-01-10T10:00:00.000Z',
            points: 10,
            lotIds: [lotId('adjustment', 'a-2')],
            warnedAt: '2026-12-11T10:00:00.000Z',
          },
        },
      ]);
    const warned = [...given, ...decide(given, due('2026-12-11T10:00:00.000Z'))];
    spec.given(warned).when(due('2026-12-20T00:00:00.000Z')).thenNothing();
  });

  it('supports end-of-month and end-of-year expiry', () => {
    const endOfMonth = withProgram((p) => ({ points: { ...p.points, expiryMode: 'end-of-month' } }));
    const endOfYear = withProgram((p) => ({ points: { ...p.points, expiryMode: 'end-of-year' } }));
    expect(history(enrol(T0), earn(purchase('p-1', 100_000, T0), T0, endOfMonth))[1].data).toMatchObject({
      unlockAt: '2026-01-24T10:00:00.000Z',
      expiresAt: '2027-02-01T00:00:00.000Z',
    });
    expect(history(enrol(T0), earn(purchase('p-1', 100_000, T0), T0, endOfYear))[1].data).toMatchObject({
      expiresAt: '2028-01-01T00:00:00.000Z',
    });
  });
});

describe('loyalty account: cancelling a redemption', () => {
  it('puts the points back into their lots, keeping those lots’ expiry', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), redeem('r-1', 70, '2026-02-01T00:00:00.000Z'));
    spec
      .given(given)
      .when({ type: 'cancel-redemption', redemptionId: 'r-1', now: '2026-03-01T00:00:00.000Z', program: PROGRAM })
      .then([
        {
          type: 'loyalty.redemption-cancelled',
          data: {
            redemptionId: 'r-1',
            points: 70,
            purpose: { kind: 'points', reference: null },
            restored: [{ lotId: lotId('adjustment', 'a-1'), points: 70, newLot: null }],
            cancelledAt: '2026-03-01T00:00:00.000Z',
          },
        },
      ]);
  });

  it('gives points whose lot expired meanwhile a new lot valid for 30 days', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), redeem('r-1', 70, '2026-02-01T00:00:00.000Z'));
    const at = '2027-02-01T00:00:00.000Z';
    spec
      .given(given)
      .when({ type: 'cancel-redemption', redemptionId: 'r-1', now: at, program: PROGRAM })
      .thenEvents((events) => {
        expect(typesOf(events)).toEqual(['loyalty.points-expired', 'loyalty.redemption-cancelled']);
        expect(events[1].data).toMatchObject({
          restored: [
            {
              lotId: lotId('restored', 'r-1'),
              points: 70,
              newLot: {
                lotId: lotId('restored', 'r-1'),
                points: 70,
                unlockAt: at,
                expiresAt: '2027-03-03T00:00:00.000Z',
                status: 'available',
              },
            },
          ],
        });
      });
  });

  it('cancels a redemption once', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), redeem('r-1', 70, T0), {
      type: 'cancel-redemption',
      redemptionId: 'r-1',
      now: T0,
      program: PROGRAM,
    });
    spec
      .given(given)
      .when({ type: 'cancel-redemption', redemptionId: 'r-1', now: T0, program: PROGRAM })
      .thenThrows('loyalty.redemption-not-cancellable');
    spec
      .given(given)
      .when({ type: 'cancel-redemption', redemptionId: 'nope', now: T0, program: PROGRAM })
      .thenThrows('loyalty.redemption-not-found', 'not-found');
  });

  it('refuses commands on an account that does not exist', () => {
    spec
      .given([])
      .when(redeem('r-1', 1, T0))
      .thenThrows('loyalty.account-not-found', 'not-found');
  });
});
