import type { TierName } from '../shared/tiers';
import type { SpendRule } from '../program/program-settings';
import type { PurchaseFacts, RefundFacts } from './purchase-facts';

/** The parameters a purchase earned with, kept with its lot so that refunds take back exactly what was earned. */
export interface SpendRate {
  readonly pointsPerStep: number;
  readonly stepAmount: number;
  readonly multiplierPercent: number;
  readonly minimumOrderValue: number;
}

export type NoPointsReason = 'currency-not-earning' | 'below-minimum-order-value' | 'nothing-eligible';

export interface SpendEvaluation {
  readonly points: number;
  /** Minor units that earn (excluded lines removed, discounts spread pro rata). */
  readonly eligibleAmount: number;
  readonly eligibleSkus: readonly string[];
  readonly rate: SpendRate;
  readonly noPointsReason?: NoPointsReason;
}

/** floor(full steps × points per step × tier multiplier): integers all the way, never a fraction of a point. */
export function pointsForAmount(eligibleAmount: number, rate: SpendRate): number {
  if (eligibleAmount <= 0) return 0;
  const steps = BigInt(Math.floor(eligibleAmount / rate.stepAmount));
  return Number((steps * BigInt(rate.pointsPerStep) * BigInt(rate.multiplierPercent)) / 100n);
}

/** a × b / c, floored, without losing precision on large minor-unit amounts. */
function mulDiv(a: number, b: number, c: number): number {
  return c === 0 ? 0 : Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** Pure evaluation of the spend rule for one purchase by a member of `tier`. */
export function evaluateSpendRule(rule: SpendRule, purchase: PurchaseFacts, tier: TierName): SpendEvaluation {
  const rate: SpendRate = {
    pointsPerStep: rule.pointsPerStep,
    stepAmount: rule.stepAmount,
    multiplierPercent: rule.tierMultipliers[tier],
    minimumOrderValue: rule.minimumOrderValue,
  };
  const none = (noPointsReason: NoPointsReason, eligibleAmount = 0, eligibleSkus: readonly string[] = []): SpendEvaluation => ({
    points: 0,
    eligibleAmount,
    eligibleSkus,
    rate,
    noPointsReason,
  });
  if (rule.currencies.length > 0 && !rule.currencies.includes(purchase.currency)) return none('currency-not-earning');

  const excluded = (line: PurchaseFacts['lines'][number]) =>
    rule.excludedSkus.includes(line.sku) || rule.excludedCategories.includes(line.category);
  const eligibleLines = purchase.lines.filter((line) => !excluded(line));
  const eligibleSkus = [...new Set(eligibleLines.map((line) => line.sku))];
  const linesTotal = purchase.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const eligibleLinesTotal = eligibleLines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  // Without lines the whole total earns; with lines, an order-level discount is spread over them pro rata.
  const eligibleAmount =
    purchase.lines.length === 0 || linesTotal === 0
      ? purchase.total
      : Math.min(eligibleLinesTotal, mulDiv(purchase.total, eligibleLinesTotal, linesTotal));

  if (purchase.total < rule.minimumOrderValue) return none('below-minimum-order-value', eligibleAmount, eligibleSkus);
  const points = pointsForAmount(eligibleAmount, rate);
  if (points === 0) return none('nothing-eligible', eligibleAmount, eligibleSkus);
  return { points, eligibleAmount, eligibleSkus, rate };
}

/** What a purchase's earning looked like, as remembered by the account. */
export interface EarnedPurchase {
  readonly total: number;
  readonly eligibleAmount: number;
  readonly eligibleSkus: readonly string[];
  readonly rate: SpendRate;
  readonly points: number;
  /** Minor units refunded so far (all refunds of the purchase). */
  readonly refundedAmount: number;
  /** Eligible minor units refunded so far. */
  readonly refundedEligibleAmount: number;
  /** Points taken back so far. */
  readonly pointsTakenBack: number;
}

export interface RefundEvaluation {
  readonly pointsToTakeBack: number;
  readonly refundedEligibleAmount: number;
}

/**
 * The points earned on the refunded amount: what the purchase earned minus what the part that is kept
 * would have earned under the same rate (minimum order value included), minus what earlier refunds
 * already took back. Cumulative, so several partial refunds never take back more, or less, than a
 * single full refund would.
 */
export function evaluateRefund(purchase: EarnedPurchase, refund: RefundFacts): RefundEvaluation {
  const refundedEligible =
    refund.lines.length > 0
      ? refund.lines.filter((line) => purchase.eligibleSkus.includes(line.sku)).reduce((sum, line) => sum + line.amount, 0)
      : mulDiv(refund.amount, purchase.eligibleAmount, purchase.total);
  const cumulativeEligible = Math.min(purchase.eligibleAmount, purchase.refundedEligibleAmount + refundedEligible);
  const cumulativeAmount = purchase.refundedAmount + refund.amount;
  const keptTotal = purchase.total - cumulativeAmount;
  const keptEligible = purchase.eligibleAmount - cumulativeEligible;
  const pointsKept =
    refund.fullyRefunded || keptTotal < purchase.rate.minimumOrderValue
      ? 0
      : Math.min(purchase.points, pointsForAmount(keptEligible, purchase.rate));
  return {
    pointsToTakeBack: Math.max(0, purchase.points - pointsKept - purchase.pointsTakenBack),
    refundedEligibleAmount: cumulativeEligible - purchase.refundedEligibleAmount,
  };
}
