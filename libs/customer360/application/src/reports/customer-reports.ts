import type { PopulationMember } from '../view/customer-population.service';

/**
 * Reports over the population as pure functions (the service feeds them the current population).
 * Amounts are net lifetime value in one currency: different currencies are never added.
 */
export interface MostValuable {
  readonly currency: string | null;
  readonly customers: number;
  /** The top 20 % by lifetime value. */
  readonly topCustomers: number;
  readonly topRevenue: number;
  readonly totalRevenue: number;
  /** Share of revenue the top 20 % bring, 0..1. */
  readonly topShare: number;
  /** The first few of them, most valuable first. */
  readonly top: readonly { readonly customerId: string; readonly lifetimeValue: number }[];
}

export function mostValuable(members: readonly PopulationMember[], currency: string | null, shown = 20): MostValuable {
  const values = members
    .map((member) => ({
      customerId: member.customerId,
      lifetimeValue: currency === null ? 0 : (member.facts.sales.byCurrency[currency]?.net ?? 0),
    }))
    .filter((value) => value.lifetimeValue > 0)
    .sort((a, b) => b.lifetimeValue - a.lifetimeValue || a.customerId.localeCompare(b.customerId));
  const topCount = Math.ceil(values.length * 0.2);
  const total = values.reduce((sum, value) => sum + value.lifetimeValue, 0);
  const top = values.slice(0, topCount).reduce((sum, value) => sum + value.lifetimeValue, 0);
  return {
    currency,
    customers: values.length,
    topCustomers: topCount,
    topRevenue: top,
    totalRevenue: total,
    topShare: total === 0 ? 0 : round(top / total),
    top: values.slice(0, Math.min(shown, topCount)),
  };
}

export interface Retention {
  /** Customers with two or more purchases among those with one or more. */
  readonly repeatPurchaseRate: number;
  readonly buyers: number;
  readonly repeatBuyers: number;
  /** Of those who bought in the previous period (same length), the share who bought again in this one. */
  readonly retentionRate: number;
  readonly previousPeriodBuyers: number;
  readonly retained: number;
  readonly previousPeriod: { readonly from: string; readonly to: string };
}

/** Periods are whole months, `YYYY-MM` inclusive. */
export function retention(members: readonly PopulationMember[], period: { from: string; to: string }): Retention {
  const months = monthsBetween(period.from, period.to);
  const previous = { from: addMonths(period.from, -months), to: addMonths(period.from, -1) };
  const within = (month: string, p: { from: string; to: string }) => month >= p.from && month <= p.to;
  let buyers = 0;
  let repeat = 0;
  let before = 0;
  let retained = 0;
  for (const { facts } of members) {
    if (facts.sales.purchases > 0) buyers++;
    if (facts.sales.purchases > 1) repeat++;
    const earlier = facts.sales.purchaseMonths.some((month) => within(month, previous));
    if (!earlier) continue;
    before++;
    if (facts.sales.purchaseMonths.some((month) => within(month, period))) retained++;
  }
  return {
    repeatPurchaseRate: buyers === 0 ? 0 : round(repeat / buyers),
    buyers,
    repeatBuyers: repeat,
    retentionRate: before === 0 ? 0 : round(retained / before),
    previousPeriodBuyers: before,
    retained,
    previousPeriod: previous,
  };
}

export interface RewardEffectiveness {
  readonly redeemers: number;
  /** Redeemers who bought again after their first redemption. */
  readonly redeemersReturned: number;
  readonly redeemerReturnRate: number;
  /** For comparison: the repeat-purchase rate of members who never redeemed. */
  readonly nonRedeemerRepeatRate: number;
  /** redeemerReturnRate − nonRedeemerRepeatRate: do rewards bring customers back? */
  readonly lift: number;
}

export function rewardEffectiveness(members: readonly PopulationMember[]): RewardEffectiveness {
  let redeemers = 0;
  let returned = 0;
  let others = 0;
  let othersRepeat = 0;
  for (const { facts } of members) {
    if (facts.loyalty.length === 0) continue;
    if (facts.firstRedemptionAt !== null) {
      redeemers++;
      if (facts.sales.lastPurchaseAt !== null && facts.sales.lastPurchaseAt > facts.firstRedemptionAt) returned++;
    } else if (facts.sales.purchases > 0) {
      others++;
      if (facts.sales.purchases > 1) othersRepeat++;
    }
  }
  const redeemerReturnRate = redeemers === 0 ? 0 : round(returned / redeemers);
  const nonRedeemerRepeatRate = others === 0 ? 0 : round(othersRepeat / others);
  return {
    redeemers,
    redeemersReturned: returned,
    redeemerReturnRate,
    nonRedeemerRepeatRate,
    lift: round(redeemerReturnRate - nonRedeemerRepeatRate),
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
