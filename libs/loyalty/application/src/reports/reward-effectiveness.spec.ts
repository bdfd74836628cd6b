import type { MemberActivityDocument } from '@c360/loyalty-projections';
import { RewardEffectivenessCalculator } from './reward-effectiveness';

const member = (
  customerId: string,
  purchases: string[],
  redemptions: Array<[string, string, 'completed' | 'cancelled']> = [],
): MemberActivityDocument => ({
  customerId,
  purchases: purchases.map((at, index) => ({ purchaseId: `${customerId}-${index}`, at: `${at}T10:00:00.000Z` })),
  redemptions: redemptions.map(([rewardId, at, status], index) => ({
    redemptionId: `${customerId}-r${index}`,
    rewardId,
    points: 200,
    at: `${at}T10:00:00.000Z`,
    status,
  })),
});

describe('reward effectiveness', () => {
  it('compares repeat purchases within 90 days of a redemption with members who did not redeem', () => {
    const calculator = new RewardEffectivenessCalculator('2026-12-31T00:00:00.000Z');
    calculator.add(member('a', ['2026-01-01', '2026-02-15'], [['rw-1', '2026-02-01', 'completed']])); // back within 90 days
    calculator.add(member('b', ['2026-01-01', '2026-08-01'], [['rw-1', '2026-03-01', 'completed']])); // back too late
    calculator.add(member('c', ['2026-01-01'], [['rw-2', '2026-12-01', 'completed']])); // window still open
    calculator.add(member('d', ['2026-01-01'], [['rw-1', '2026-02-01', 'cancelled']])); // cancelled: not a redeemer
    calculator.add(member('e', ['2026-01-01', '2026-02-01']));
    calculator.add(member('f', ['2026-01-01', '2026-06-01']));
    calculator.add(member('g', []));
    expect(calculator.report()).toEqual({
      asOf: '2026-12-31T00:00:00.000Z',
      windowDays: 90,
      rewards: [
        { rewardId: 'rw-1', redemptions: 2, pointsCost: 400, followedByPurchase: 1, stillOpen: 0, repeatPurchaseRate: 0.5 },
        { rewardId: 'rw-2', redemptions: 1, pointsCost: 200, followedByPurchase: 0, stillOpen: 1, repeatPurchaseRate: null },
      ],
      redeemers: { members: 3, repeated: 1, stillOpen: 1, repeatPurchaseRate: 0.5 },
      nonRedeemers: { members: 3, repeated: 1, stillOpen: 0, repeatPurchaseRate: 0.3333 },
    });
  });
});
