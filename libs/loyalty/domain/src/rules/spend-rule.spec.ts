import { DEFAULT_PROGRAM_SETTINGS, type SpendRule } from '../program/program-settings';
import { evaluateRefund, evaluateSpendRule, type EarnedPurchase } from './spend-rule';
import type { PurchaseFacts, RefundFacts } from './purchase-facts';

const rule = DEFAULT_PROGRAM_SETTINGS.spendRule;
const at = '2026-02-01T10:00:00.000Z';
const purchase = (total: number, lines: PurchaseFacts['lines'] = [], currency = 'EUR'): PurchaseFacts => ({
  purchaseId: 'p-1',
  orderId: 'o-1',
  channel: 'store',
  lines,
  total,
  currency,
  purchasedAt: at,
});
const refund = (amount: number, options: Partial<RefundFacts> = {}): RefundFacts => ({
  refundId: 'r-1',
  purchaseId: 'p-1',
  amount,
  currency: 'EUR',
  lines: [],
  refundedAt: at,
  fullyRefunded: false,
  ...options,
});

describe('spend rule: 10 points per full 100,000 minor units', () => {
  it('floors to full steps', () => {
    expect(evaluateSpendRule(rule, purchase(99_999), 'bronze').points).toBe(0);
    expect(evaluateSpendRule(rule, purchase(100_000), 'bronze').points).toBe(10);
    expect(evaluateSpendRule(rule, purchase(250_000), 'bronze').points).toBe(20);
    expect(evaluateSpendRule(rule, purchase(1_999_999), 'bronze').points).toBe(190);
  });

  it('earns nothing below the minimum order value', () => {
    const withMinimum: SpendRule = { ...rule, minimumOrderValue: 500_000 };
    expect(evaluateSpendRule(withMinimum, purchase(499_999), 'bronze')).toMatchObject({
      points: 0,
      noPointsReason: 'below-minimum-order-value',
    });
    expect(evaluateSpendRule(withMinimum, purchase(500_000), 'bronze').points).toBe(50);
  });

  it('leaves out excluded categories and SKUs, and spreads an order discount over the lines', () => {
    const excluding: SpendRule = { ...rule, excludedCategories: ['gift-cards'], excludedSkus: ['SKU-TOBACCO'] };
    const lines = [
      { sku: 'SKU-TV', category: 'electronics', quantity: 1, unitPrice: 300_000 },
      { sku: 'SKU-GIFT', category: 'gift-cards', quantity: 2, unitPrice: 50_000 },
      { sku: 'SKU-TOBACCO', category: 'other', quantity: 1, unitPrice: 100_000 },
    ];
    const full = evaluateSpendRule(excluding, purchase(500_000, lines), 'bronze');
    expect(full).toMatchObject({ points: 30, eligibleAmount: 300_000, eligibleSkus: ['SKU-TV'] });
    // 20 % off the whole order: the TV's share of the total is 240,000.
    expect(evaluateSpendRule(excluding, purchase(400_000, lines), 'bronze')).toMatchObject({ points: 20, eligibleAmount: 240_000 });
  });

  it('applies the tier multiplier (percent), flooring the result', () => {
    const multiplied: SpendRule = { ...rule, tierMultipliers: { bronze: 100, silver: 125, gold: 150 } };
    expect(evaluateSpendRule(multiplied, purchase(300_000), 'silver').points).toBe(37);
    expect(evaluateSpendRule(multiplied, purchase(300_000), 'gold').points).toBe(45);
  });

  it('earns only in the configured currencies when a list is set', () => {
    const euroOnly: SpendRule = { ...rule, currencies: ['EUR'] };
    expect(evaluateSpendRule(euroOnly, purchase(300_000, [], 'USD'), 'bronze')).toMatchObject({
      points: 0,
      noPointsReason: 'currency-not-earning',
    });
    expect(evaluateSpendRule(euroOnly, purchase(300_000), 'bronze').points).toBe(30);
  });

  it('does not lose precision on very large amounts', () => {
    const lines = [
      { sku: 'A', category: 'x', quantity: 1, unitPrice: 90_000_000_000 },
      { sku: 'B', category: 'x', quantity: 1, unitPrice: 10_000_000_000 },
    ];
    expect(evaluateSpendRule({ ...rule, excludedSkus: ['B'] }, purchase(99_999_999_999, lines), 'bronze').eligibleAmount).toBe(
      89_999_999_999,
    );
  });
});

describe('refund evaluation: the points earned on the refunded amount', () => {
  const earned = (overrides: Partial<EarnedPurchase> = {}): EarnedPurchase => ({
    total: 500_000,
    eligibleAmount: 500_000,
    eligibleSkus: ['A', 'B'],
    rate: { pointsPerStep: 10, stepAmount: 100_000, multiplierPercent: 100, minimumOrderValue: 0 },
    points: 50,
    refundedAmount: 0,
    refundedEligibleAmount: 0,
    pointsTakenBack: 0,
    ...overrides,
  });

  it('takes back what the refunded part earned, keeping what the rest would earn', () => {
    expect(evaluateRefund(earned(), refund(150_000)).pointsToTakeBack).toBe(20); // 350,000 kept → 30 points
  });

  it('is cumulative over partial refunds: never more than a single full refund', () => {
    const first = evaluateRefund(earned(), refund(50_000));
    expect(first.pointsToTakeBack).toBe(10); // 450,000 kept → 40
    const second = evaluateRefund(
      earned({ refundedAmount: 50_000, refundedEligibleAmount: first.refundedEligibleAmount, pointsTakenBack: first.pointsToTakeBack }),
      refund(50_000, { refundId: 'r-2' }),
    );
    expect(second.pointsToTakeBack).toBe(0); // 400,000 kept still earns 40: nothing more to take back
    const rest = evaluateRefund(
      earned({ refundedAmount: 100_000, refundedEligibleAmount: 100_000, pointsTakenBack: 10 }),
      refund(400_000, { refundId: 'r-3', fullyRefunded: true }),
    );
    expect(rest.pointsToTakeBack).toBe(40); // 10 + 0 + 40 = the 50 earned
  });

  it('counts only refunded lines that earned', () => {
    const refundLines = [
      { sku: 'EXCLUDED', quantity: 1, amount: 100_000 },
      { sku: 'A', quantity: 1, amount: 100_000 },
    ];
    const evaluation = evaluateRefund(earned({ total: 600_000, eligibleSkus: ['A'] }), refund(200_000, { lines: refundLines }));
    expect(evaluation).toEqual({ pointsToTakeBack: 10, refundedEligibleAmount: 100_000 });
  });

  it('takes back everything when what is kept falls below the minimum order value', () => {
    const withMinimum = earned({ rate: { pointsPerStep: 10, stepAmount: 100_000, multiplierPercent: 100, minimumOrderValue: 400_000 } });
    expect(evaluateRefund(withMinimum, refund(150_000)).pointsToTakeBack).toBe(50);
  });

  it('takes back everything on a full refund', () => {
    expect(evaluateRefund(earned(), refund(1, { fullyRefunded: true })).pointsToTakeBack).toBe(50);
  });
});
