import { deciderSpec } from '@c360/kernel/testing';
import { PROGRAM, credit, decide, earn, enrol, history, lotId, purchase, redeem, refund, stateOf } from '../testing/account-fixtures';
import type { AccountCommand } from './account.commands';
import { spendablePoints } from './lot-math';
import { loyaltyAccountDecider } from './loyalty-account.decider';
import { rollingPoints } from './tier-math';

const spec = deciderSpec(loyaltyAccountDecider);
const T0 = '2026-01-10T10:00:00.000Z';
const AFTER_WINDOW = '2026-02-01T00:00:00.000Z';
const takeBack = (facts: ReturnType<typeof refund>, now: string): AccountCommand => ({
  type: 'take-back-for-refund',
  refund: facts,
  now,
  program: PROGRAM,
});

describe('refunds take back the points earned on the refunded amount', () => {
  it('takes them from the purchase’s own (still pending) lot first', () => {
    const given = history(enrol(T0), credit('a-1', 100, T0), earn(purchase('p-1', 500_000, T0), T0));
    spec
      .given(given)
      .when(takeBack(refund('rf-1', 'p-1', 150_000, '2026-01-12T00:00:00.000Z'), '2026-01-12T00:00:00.000Z'))
      .then([
        {
          type: 'loyalty.points-clawed-back',
          data: {
            refundId: 'rf-1',
            purchaseId: 'p-1',
            points: 20,
            draws: [{ lotId: lotId('purchase', 'p-1'), points: 20 }],
            debtIncurred: 0,
            refundedAmount: 150_000,
            refundedEligibleAmount: 150_000,
            clawedBackAt: '2026-01-12T00:00:00.000Z',
          },
        },
      ]);
  });

  it('after the points were spent: other pending lots next, then spendable lots soonest-expiring first', () => {
    const given = history(
      enrol(T0),
      earn(purchase('p-1', 500_000, T0), T0), // 50, unlocks 24 Jan
      credit('a-1', 30, T0),
      redeem('r-1', 70, AFTER_WINDOW), // takes a-1 (expires sooner) 30, then 40 of p-1: 10 left in p-1
      earn(purchase('p-2', 200_000, AFTER_WINDOW), AFTER_WINDOW), // 20 pending
      credit('a-2', 100, AFTER_WINDOW),
    );
    spec
      .given(given)
      .when(takeBack(refund('rf-1', 'p-1', 500_000, '2026-02-03T00:00:00.000Z', { fullyRefunded: true }), '2026-02-03T00:00:00.000Z'))
      .thenEvents(([clawedBack]) =>
        expect(clawedBack.data).toMatchObject({
          points: 50,
          draws: [
            { lotId: lotId('purchase', 'p-1'), points: 10 },
            { lotId: lotId('purchase', 'p-2'), points: 20 },
            { lotId: lotId('adjustment', 'a-2'), points: 20 },
          ],
          debtIncurred: 0,
        }),
      );
  });

  it('turns what no lot can cover into debt, which the next earnings pay first', () => {
    const spent = history(enrol(T0), earn(purchase('p-1', 500_000, T0), T0), redeem('r-1', 50, AFTER_WINDOW));
    const refunded = [
      ...spent,
      ...decide(spent, takeBack(refund('rf-1', 'p-1', 500_000, AFTER_WINDOW, { fullyRefunded: true }), AFTER_WINDOW)),
    ];
    expect(refunded.at(-1)).toMatchObject({ type: 'loyalty.points-clawed-back', data: { points: 50, draws: [], debtIncurred: 50 } });
    expect(stateOf(refunded).debt).toBe(50);

    spec
      .given(refunded)
      .when(credit('a-1', 30, AFTER_WINDOW))
      .thenEvents((events) =>
        expect(events.slice(1)).toEqual([
          { type: 'loyalty.debt-repaid', data: { lotId: lotId('adjustment', 'a-1'), points: 30, remainingDebt: 20 } },
        ]),
      );
    const partlyPaid = [...refunded, ...decide(refunded, credit('a-1', 30, AFTER_WINDOW))];
    expect(spendablePoints(stateOf(partlyPaid), AFTER_WINDOW)).toBe(0);
    spec
      .given(partlyPaid)
      .when(redeem('r-2', 1, AFTER_WINDOW))
      .thenThrows('loyalty.insufficient-points');

    const paidOff = [...partlyPaid, ...decide(partlyPaid, credit('a-2', 50, AFTER_WINDOW))];
    expect(stateOf(paidOff).debt).toBe(0);
    expect(spendablePoints(stateOf(paidOff), AFTER_WINDOW)).toBe(30);
  });

  it('records a refund that takes back nothing, so later refunds of the same purchase stay exact', () => {
    const given = history(enrol(T0), earn(purchase('p-1', 500_000, T0), T0), takeBack(refund('rf-1', 'p-1', 50_000, T0), T0));
    expect(given.at(-1)).toMatchObject({ type: 'loyalty.points-clawed-back', data: { points: 10 } });
    spec
      .given(given)
      .when(takeBack(refund('rf-2', 'p-1', 50_000, T0), T0))
      .thenEvents(([event]) => expect(event.data).toMatchObject({ points: 0, draws: [], refundedAmount: 50_000 }));
  });

  it('ignores a refund seen before and a refund of a purchase that earned nothing', () => {
    const given = history(enrol(T0), earn(purchase('p-1', 500_000, T0), T0), takeBack(refund('rf-1', 'p-1', 100_000, T0), T0));
    spec
      .given(given)
      .when(takeBack(refund('rf-1', 'p-1', 100_000, T0), T0))
      .thenNothing();
    spec
      .given(given)
      .when(takeBack(refund('rf-9', 'p-unknown', 100_000, T0), T0))
      .thenNothing();
  });

  it('lowers the points that count for the tier', () => {
    const given = history(enrol(T0), earn(purchase('p-1', 500_000, T0), T0), takeBack(refund('rf-1', 'p-1', 200_000, T0), T0));
    expect(rollingPoints(stateOf(given), T0, PROGRAM.tiers)).toBe(30);
  });
});
